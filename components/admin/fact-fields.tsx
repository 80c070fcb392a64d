'use client';
// The editable fields of a fact (metric, subject, year/period, kind, comparator, value, unit),
// shared by the review queue's inline editor, the manual-entry form and the take-a-figure panel.
// The value is typed as the paper writes it (3.8亿元, 150余人, 35.6%) and read by the extractor's
// own quantity reader: the unit and comparator it names fill their fields. Units by Chinese name.
import { useState } from 'react';
import type { PickerOptions } from '@/lib/data/catalog';
import { asWrittenLabel, parseAsWritten, parseUnitInput, unitInputLabel } from '@/lib/numbers/as-written';
import { comparatorOption, COMPARATORS } from '@/lib/vocab/comparators';
import { FACT_KINDS, KIND_LABELS } from '@/lib/vocab/kinds';
import { NAMED_PERIODS, PERIOD_LABELS } from '@/lib/vocab/periods';
import { CANONICAL_UNITS, formatUnit } from '@/lib/vocab/units';
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import { Combobox } from './combobox';
import { Field, invalid } from './field';
import type { FieldErrors } from './form-utils';
import s from './admin.module.css';
import r from './review.module.css';

export interface FactFieldValues {
  metricId: number | null;
  parkId: number | null;
  regionId: number | null;
  /** A project or organisation subject picked from the records (or a new one by orgName). */
  projectId?: number | null;
  orgId?: number | null;
  orgName: string | null;
  year: number | null;
  period: string | null;
  kind: string;
  comparator: string;
  /** The stored exact value (380000000) … */
  value: string;
  /** … in the stored unit code (CNY). */
  unit: string;
  /** Or the value and unit as typed (a refused form comes back with what was typed). */
  valueText?: string;
  unitText?: string;
  subjectType?: 'park' | 'region' | 'project' | 'org' | 'none';
}

export function subjectTypeOf(
  v: Pick<FactFieldValues, 'parkId' | 'regionId' | 'orgName' | 'projectId' | 'orgId'>,
): 'park' | 'region' | 'project' | 'org' | 'none' {
  if (v.parkId !== null) return 'park';
  if (v.regionId !== null) return 'region';
  if (v.projectId) return 'project';
  return v.orgId || v.orgName ? 'org' : 'none';
}

/** What the reader makes of a typed value, in words (shown under the field). */
function reading(valueText: string, unitText: string, lang: Lang): string | null {
  const v = parseAsWritten(valueText);
  if (!v.ok) return null;
  const u = v.unit ?? (parseUnitInput(unitText).ok ? (parseUnitInput(unitText) as { unit: string }).unit : null);
  const cmp = v.comparator ? `${comparatorOption(v.comparator, lang)} ` : '';
  return `${adminDictionary(lang).fields.readAs}${cmp}${v.value}${u ? ` ${formatUnit(u, lang, { long: true })}` : ''}`;
}

export function FactFields({
  idPrefix, options, values, errors, autoFocusValue, lang = 'zh',
}: {
  idPrefix: string;
  options: PickerOptions;
  values: FactFieldValues;
  errors?: FieldErrors | undefined;
  /** The review editor opens on the value: type the correction, Enter saves and approves. */
  autoFocusValue?: boolean;
  lang?: Lang;
}) {
  const t = adminDictionary(lang).fields;
  const [subjectType, setSubjectType] = useState(values.subjectType ?? subjectTypeOf(values));
  const [valueText, setValueText] = useState(values.valueText ?? (values.value && values.unit ? asWrittenLabel(values.value, values.unit) : values.value));
  const [unit, setUnit] = useState(values.unitText ?? (values.unit ? unitInputLabel(values.unit) : ''));
  const [comparator, setComparator] = useState(values.comparator);
  const e = errors ?? {};
  const id = (k: string) => `${idPrefix}-${k}`;
  const read = reading(valueText, unit, lang);
  return (
    <div className={s.grid}>
      <Field label={t.value} htmlFor={id('value')} errors={e.value} hint={t.valueHint}>
        <input
          id={id('value')}
          name="value"
          value={valueText}
          autoFocus={autoFocusValue}
          onFocus={(ev) => ev.currentTarget.select()}
          onChange={(ev) => {
            const text = ev.target.value;
            setValueText(text);
            // The unit and comparator the written figure names fill their fields.
            const p = parseAsWritten(text);
            if (p.ok && p.unit) setUnit(unitInputLabel(p.unit));
            if (p.ok && p.comparator) setComparator(p.comparator);
          }}
          {...invalid(id('value'), e.value)}
        />
        {read && <p className={r.reading} aria-live="polite">{read}</p>}
      </Field>
      <Field label={t.unit} htmlFor={id('unit')} errors={e.unit} hint={t.unitHint}>
        <input id={id('unit')} name="unit" list={id('units')} value={unit} onChange={(ev) => setUnit(ev.target.value)} {...invalid(id('unit'), e.unit)} />
        <datalist id={id('units')}>
          {CANONICAL_UNITS.map((u) => (
            <option key={u} value={unitInputLabel(u)} label={formatUnit(u, lang, { long: true })} />
          ))}
        </datalist>
      </Field>
      <Field label={t.comparator} htmlFor={id('comparator')} errors={e.comparator}>
        <select id={id('comparator')} name="comparator" value={comparator} onChange={(ev) => setComparator(ev.target.value)} {...invalid(id('comparator'), e.comparator)}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{comparatorOption(c, lang)}</option>)}
        </select>
      </Field>
      <Combobox
        name="metricId" label={t.metric} options={options.metrics} value={values.metricId} error={e.metricId} required lang={lang}
        onChange={(mid) => {
          const m = options.metrics.find((o) => o.id === mid);
          if (m && !unit) setUnit(unitInputLabel(m.unit));
        }}
      />
      <Field label={t.subjectType} htmlFor={id('subjectType')} errors={e.subjectType}>
        <select id={id('subjectType')} name="subjectType" value={subjectType} onChange={(ev) => setSubjectType(ev.target.value as typeof subjectType)}>
          {(['park', 'region', 'project', 'org', 'none'] as const).map((k) => <option key={k} value={k}>{t.subjectTypes[k]}</option>)}
        </select>
      </Field>
      {subjectType === 'park' && <Combobox name="parkId" label={t.park} options={options.parks} value={values.parkId} error={e.parkId} lang={lang} />}
      {subjectType === 'region' && <Combobox name="regionId" label={t.region} options={options.regions} value={values.regionId} error={e.regionId} lang={lang} />}
      {subjectType === 'project' && (
        <Combobox name="projectId" label={t.project} options={options.projects} value={values.projectId ?? null} error={e.projectId} placeholder={t.pickProject} lang={lang} />
      )}
      {subjectType === 'org' && (
        <Combobox name="orgId" label={t.org} options={options.orgs} value={values.orgId ?? null} error={e.orgId} placeholder={t.pickOrg} lang={lang} />
      )}
      {(subjectType === 'org' || subjectType === 'project') && (
        <Field
          label={subjectType === 'project' ? t.newProject : t.newOrg} htmlFor={id('orgName')} errors={e.orgName}
          hint={t.newHint}
        >
          <input id={id('orgName')} name="orgName" defaultValue={values.orgName ?? ''} {...invalid(id('orgName'), e.orgName)} />
        </Field>
      )}
      <Field label={t.year} htmlFor={id('year')} errors={e.year}>
        <input id={id('year')} name="year" inputMode="numeric" defaultValue={values.year ?? ''} {...invalid(id('year'), e.year)} />
      </Field>
      <Field label={t.period} htmlFor={id('period')} errors={e.period}>
        <input id={id('period')} name="period" list={id('periods')} defaultValue={values.period ?? ''} placeholder="FY / H1 / M01-M07" {...invalid(id('period'), e.period)} />
        <datalist id={id('periods')}>
          {NAMED_PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p][lang]}</option>)}
        </datalist>
      </Field>
      <Field label={t.kind} htmlFor={id('kind')} errors={e.kind}>
        <select id={id('kind')} name="kind" defaultValue={values.kind} {...invalid(id('kind'), e.kind)}>
          {FACT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k][lang]}</option>)}
        </select>
      </Field>
    </div>
  );
}
