'use client';
// The editable fields of a fact (metric, subject, year/period, kind, comparator, value, unit),
// shared by the review queue's inline editor and the manual-entry form.
import { useState } from 'react';
import type { PickerOptions } from '@/lib/data/catalog';
import { COMPARATOR_LABELS, COMPARATORS, KIND_LABELS, KINDS, PERIOD_LABELS, PERIOD_OPTIONS } from '@/lib/validations/facts';
import { CANONICAL_UNITS, formatUnit } from '@/lib/vocab/units';
import { Combobox } from './combobox';
import { Field, invalid } from './field';
import type { FieldErrors } from './form-utils';
import s from './admin.module.css';

export interface FactFieldValues {
  metricId: number | null;
  parkId: number | null;
  regionId: number | null;
  orgName: string | null;
  year: number | null;
  period: string | null;
  kind: string;
  comparator: string;
  value: string;
  unit: string;
}

export function subjectTypeOf(v: Pick<FactFieldValues, 'parkId' | 'regionId' | 'orgName'>): 'park' | 'region' | 'org' | 'none' {
  return v.parkId !== null ? 'park' : v.regionId !== null ? 'region' : v.orgName ? 'org' : 'none';
}

export function FactFields({
  idPrefix, options, values, errors,
}: {
  idPrefix: string;
  options: PickerOptions;
  values: FactFieldValues;
  errors?: FieldErrors | undefined;
}) {
  const [subjectType, setSubjectType] = useState(subjectTypeOf(values));
  const [unit, setUnit] = useState(values.unit);
  const e = errors ?? {};
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <div className={s.grid}>
      <Combobox
        name="metricId" label="指标" options={options.metrics} value={values.metricId} error={e.metricId} required
        onChange={(mid) => {
          const m = options.metrics.find((o) => o.id === mid);
          if (m && !unit) setUnit(m.unit);
        }}
      />
      <Field label="主体类型" htmlFor={id('subjectType')} errors={e.subjectType}>
        <select id={id('subjectType')} name="subjectType" value={subjectType} onChange={(ev) => setSubjectType(ev.target.value as typeof subjectType)}>
          <option value="park">园区</option>
          <option value="region">区县/市</option>
          <option value="org">机构/企业</option>
          <option value="none">无（全市/未指明）</option>
        </select>
      </Field>
      {subjectType === 'park' && <Combobox name="parkId" label="园区" options={options.parks} value={values.parkId} error={e.parkId} />}
      {subjectType === 'region' && <Combobox name="regionId" label="区县/市" options={options.regions} value={values.regionId} error={e.regionId} />}
      {subjectType === 'org' && (
        <Field label="机构名称" htmlFor={id('orgName')} errors={e.orgName}>
          <input id={id('orgName')} name="orgName" defaultValue={values.orgName ?? ''} {...invalid(id('orgName'), e.orgName)} />
        </Field>
      )}
      <Field label="年份" htmlFor={id('year')} errors={e.year}>
        <input id={id('year')} name="year" inputMode="numeric" defaultValue={values.year ?? ''} {...invalid(id('year'), e.year)} />
      </Field>
      <Field label="期间" htmlFor={id('period')} errors={e.period}>
        <input id={id('period')} name="period" list={id('periods')} defaultValue={values.period ?? ''} placeholder="FY / H1 / M01-M07" {...invalid(id('period'), e.period)} />
        <datalist id={id('periods')}>
          {PERIOD_OPTIONS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p]}</option>)}
        </datalist>
      </Field>
      <Field label="类型" htmlFor={id('kind')} errors={e.kind}>
        <select id={id('kind')} name="kind" defaultValue={values.kind} {...invalid(id('kind'), e.kind)}>
          {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </Field>
      <Field label="比较" htmlFor={id('comparator')} errors={e.comparator}>
        <select id={id('comparator')} name="comparator" defaultValue={values.comparator} {...invalid(id('comparator'), e.comparator)}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{COMPARATOR_LABELS[c]}</option>)}
        </select>
      </Field>
      <Field label="数值" htmlFor={id('value')} errors={e.value} hint="可输入 140亿、1.4e10、23,858万、12%">
        <input id={id('value')} name="value" defaultValue={values.value} inputMode="decimal" {...invalid(id('value'), e.value)} />
      </Field>
      <Field label="单位" htmlFor={id('unit')} errors={e.unit}>
        <input id={id('unit')} name="unit" list={id('units')} value={unit} onChange={(ev) => setUnit(ev.target.value)} {...invalid(id('unit'), e.unit)} />
        <datalist id={id('units')}>
          {CANONICAL_UNITS.map((u) => (
            <option key={u} value={u} label={`${formatUnit(u, 'zh', { long: true })} (${u})`} />
          ))}
        </datalist>
      </Field>
    </div>
  );
}
