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
function reading(valueText: string, unitText: string): string | null {
  const v = parseAsWritten(valueText);
  if (!v.ok) return null;
  const u = v.unit ?? (parseUnitInput(unitText).ok ? (parseUnitInput(unitText) as { unit: string }).unit : null);
  const cmp = v.comparator ? `${comparatorOption(v.comparator)} ` : '';
  return `读作：${cmp}${v.value}${u ? ` ${formatUnit(u, 'zh', { long: true })}` : ''}`;
}

export function FactFields({
  idPrefix, options, values, errors, autoFocusValue,
}: {
  idPrefix: string;
  options: PickerOptions;
  values: FactFieldValues;
  errors?: FieldErrors | undefined;
  /** The review editor opens on the value: type the correction, Enter saves and approves. */
  autoFocusValue?: boolean;
}) {
  const [subjectType, setSubjectType] = useState(values.subjectType ?? subjectTypeOf(values));
  const [valueText, setValueText] = useState(values.valueText ?? (values.value && values.unit ? asWrittenLabel(values.value, values.unit) : values.value));
  const [unit, setUnit] = useState(values.unitText ?? (values.unit ? unitInputLabel(values.unit) : ''));
  const [comparator, setComparator] = useState(values.comparator);
  const e = errors ?? {};
  const id = (k: string) => `${idPrefix}-${k}`;
  const read = reading(valueText, unit);
  return (
    <div className={s.grid}>
      <Field label="数值（按原文写法）" htmlFor={id('value')} errors={e.value} hint="如 3.8亿元、150余人、35.6%、1.4e10">
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
      <Field label="单位" htmlFor={id('unit')} errors={e.unit} hint="中文名：元、名、人次、亩、%">
        <input id={id('unit')} name="unit" list={id('units')} value={unit} onChange={(ev) => setUnit(ev.target.value)} {...invalid(id('unit'), e.unit)} />
        <datalist id={id('units')}>
          {CANONICAL_UNITS.map((u) => (
            <option key={u} value={unitInputLabel(u)} label={formatUnit(u, 'zh', { long: true })} />
          ))}
        </datalist>
      </Field>
      <Field label="比较" htmlFor={id('comparator')} errors={e.comparator}>
        <select id={id('comparator')} name="comparator" value={comparator} onChange={(ev) => setComparator(ev.target.value)} {...invalid(id('comparator'), e.comparator)}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{comparatorOption(c)}</option>)}
        </select>
      </Field>
      <Combobox
        name="metricId" label="指标" options={options.metrics} value={values.metricId} error={e.metricId} required
        onChange={(mid) => {
          const m = options.metrics.find((o) => o.id === mid);
          if (m && !unit) setUnit(unitInputLabel(m.unit));
        }}
      />
      <Field label="主体类型" htmlFor={id('subjectType')} errors={e.subjectType}>
        <select id={id('subjectType')} name="subjectType" value={subjectType} onChange={(ev) => setSubjectType(ev.target.value as typeof subjectType)}>
          <option value="park">园区</option>
          <option value="region">区县/市</option>
          <option value="project">项目</option>
          <option value="org">机构/企业</option>
          <option value="none">无（全市/未指明）</option>
        </select>
      </Field>
      {subjectType === 'park' && <Combobox name="parkId" label="园区" options={options.parks} value={values.parkId} error={e.parkId} />}
      {subjectType === 'region' && <Combobox name="regionId" label="区县/市" options={options.regions} value={values.regionId} error={e.regionId} />}
      {subjectType === 'project' && (
        <Combobox name="projectId" label="项目" options={options.projects} value={values.projectId ?? null} error={e.projectId} placeholder="选择已有项目" />
      )}
      {subjectType === 'org' && (
        <Combobox name="orgId" label="机构/企业" options={options.orgs} value={values.orgId ?? null} error={e.orgId} placeholder="选择已有机构" />
      )}
      {(subjectType === 'org' || subjectType === 'project') && (
        <Field
          label={subjectType === 'project' ? '或新项目名称' : '或新机构名称'} htmlFor={id('orgName')} errors={e.orgName}
          hint="列表中没有时填写：按名称新建"
        >
          <input id={id('orgName')} name="orgName" defaultValue={values.orgName ?? ''} {...invalid(id('orgName'), e.orgName)} />
        </Field>
      )}
      <Field label="年份" htmlFor={id('year')} errors={e.year}>
        <input id={id('year')} name="year" inputMode="numeric" defaultValue={values.year ?? ''} {...invalid(id('year'), e.year)} />
      </Field>
      <Field label="期间" htmlFor={id('period')} errors={e.period}>
        <input id={id('period')} name="period" list={id('periods')} defaultValue={values.period ?? ''} placeholder="FY / H1 / M01-M07" {...invalid(id('period'), e.period)} />
        <datalist id={id('periods')}>
          {NAMED_PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p].zh}</option>)}
        </datalist>
      </Field>
      <Field label="类型" htmlFor={id('kind')} errors={e.kind}>
        <select id={id('kind')} name="kind" defaultValue={values.kind} {...invalid(id('kind'), e.kind)}>
          {FACT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k].zh}</option>)}
        </select>
      </Field>
    </div>
  );
}
