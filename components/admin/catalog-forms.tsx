'use client';
// Forms of the catalogue pages (metrics, parks, regions, recognitions): one small generic form
// (client zod check, server action, errors beside fields, typed values kept) and a delete button.
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/result';
import { deleteMetric, mergeMetrics, saveMetric } from '@/lib/actions/metrics';
import { deletePark, deleteRegion, savePark, saveRegion } from '@/lib/actions/places';
import { deleteRecognition, saveRecognition } from '@/lib/actions/recognitions';
import type { MetricRow, ParkRow, PickerOption, RecognitionRow, RegionRow } from '@/lib/data/catalog';
import {
  AGGREGATION_LABELS, AGGREGATIONS, DIRECTION_LABELS, DIRECTIONS, mergeMetricsSchema, metricSchema, METRIC_NATURES, NATURE_OPTIONS, VALUE_TYPE_LABELS, VALUE_TYPES,
} from '@/lib/validations/metrics';
import {
  PARK_LEVEL_LABELS, PARK_LEVELS, parkSchema, RECOGNITION_LEVEL_LABELS, RECOGNITION_LEVELS, recognitionSchema, REGION_LEVEL_LABELS, REGION_LEVELS, regionSchema,
} from '@/lib/validations/places';
import { Combobox } from './combobox';
import { Field, invalid } from './field';
import { clientCheck, unmatchedPickers, type FieldErrors } from './form-utils';
import s from './admin.module.css';

type Action = (prev: unknown, input?: unknown) => Promise<ActionResult<unknown>>;

function ActionForm({
  label, action, schema, submitText, children,
}: {
  label: string;
  action: Action;
  schema: z.ZodType;
  submitText: string;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(async (p: unknown, fd: FormData) => {
    const r = await action(p, fd);
    if (r.ok) router.refresh();
    return r;
  }, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  return (
    <form
      className={s.card}
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const problems = clientCheck(schema, fd) ?? unmatchedPickers(e.currentTarget);
        setClientErrors(problems);
        if (!problems) startTransition(() => dispatch(fd));
      }}
    >
      <h2>{label}</h2>
      {children(errors)}
      <div role="status" aria-live="polite">
        {state && !state.ok && <p className={s.alert}>{state.message}</p>}
        {state?.ok && <p className={s.notice}>{state.message}</p>}
      </div>
      <button type="submit" className={`${s.btn} ${s.primary}`} disabled={pending} style={{ marginTop: 8 }}>
        {pending ? '保存中…' : submitText}
      </button>
    </form>
  );
}

function Text({ name, label, errors, defaultValue, hint }: { name: string; label: string; errors: FieldErrors; defaultValue?: string | null | undefined; hint?: string }) {
  const id = `fld-${name}`;
  return (
    <Field label={label} htmlFor={id} errors={errors[name]} {...(hint ? { hint } : {})}>
      <input id={id} name={name} defaultValue={defaultValue ?? ''} {...invalid(id, errors[name])} />
    </Field>
  );
}

function Select({ name, label, errors, defaultValue, options }: { name: string; label: string; errors: FieldErrors; defaultValue?: string | null | undefined; options: [string, string][] }) {
  const id = `fld-${name}`;
  return (
    <Field label={label} htmlFor={id} errors={errors[name]}>
      <select id={id} name={name} defaultValue={defaultValue ?? ''} {...invalid(id, errors[name])}>
        <option value="">请选择</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Field>
  );
}

const entries = <K extends string>(labels: Record<K, string>, keys: readonly K[]): [string, string][] => keys.map((k) => [k, labels[k]]);

export function MetricForm({ metric }: { metric: MetricRow | null }) {
  return (
    <ActionForm key={metric?.id ?? 'new'} label={metric ? `编辑指标：${metric.nameZh}` : '新建指标'} action={saveMetric} schema={metricSchema} submitText="保存指标">
      {(e) => (
        <div className={s.grid}>
          {metric && <input type="hidden" name="id" value={metric.id} />}
          {metric && <input type="hidden" name="version" value={metric.version} />}
          <Text name="key" label="代码" errors={e} defaultValue={metric?.key} hint="如 gdp、fixed_asset_investment" />
          <Text name="nameZh" label="中文名称" errors={e} defaultValue={metric?.nameZh} />
          <Text name="nameEn" label="英文名称" errors={e} defaultValue={metric?.nameEn} />
          <Text name="unit" label="单位代码" errors={e} defaultValue={metric?.unit} hint="CNY、percent、person…" />
          <Select name="valueType" label="数值类型" errors={e} defaultValue={metric?.valueType} options={entries(VALUE_TYPE_LABELS, VALUE_TYPES)} />
          <Select name="aggregation" label="汇总方式" errors={e} defaultValue={metric?.aggregation} options={entries(AGGREGATION_LABELS, AGGREGATIONS)} />
          <Select name="direction" label="方向" errors={e} defaultValue={metric?.direction ?? 'higher_better'} options={entries(DIRECTION_LABELS, DIRECTIONS)} />
          <Select name="nature" label="指标性质" errors={e} defaultValue={metric?.nature ?? 'level'} options={entries(NATURE_OPTIONS, METRIC_NATURES)} />
          <Text name="category" label="分类" errors={e} defaultValue={metric?.category} />
          <Text name="keywords" label="关键词（逗号分隔）" errors={e} defaultValue={metric?.keywords.join('，')} />
          <Text name="description" label="说明" errors={e} defaultValue={metric?.description} />
        </div>
      )}
    </ActionForm>
  );
}

export function MergeMetricsForm({ options }: { options: PickerOption[] }) {
  return (
    <ActionForm label="合并指标" action={mergeMetrics} schema={mergeMetricsSchema} submitText="合并">
      {(e) => (
        <>
          <p className={s.muted}>被合并指标的所有数据移到目标指标；被合并的指标保留并标记为“已合并”。</p>
          <div className={s.grid}>
            <Combobox name="sourceId" label="被合并的指标" options={options} value={null} error={e.sourceId} />
            <Combobox name="targetId" label="合并到（目标）" options={options} value={null} error={e.targetId} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ParkForm({ park, regions, parks }: { park: ParkRow | null; regions: PickerOption[]; parks: PickerOption[] }) {
  // Itself is never its own parent; the server also refuses its sub-parks (a cycle).
  const parents = park ? parks.filter((p) => p.id !== park.id) : parks;
  return (
    <ActionForm key={park?.id ?? 'new'} label={park ? `编辑园区：${park.name}` : '新建园区'} action={savePark} schema={parkSchema} submitText="保存园区">
      {(e) => (
        <div className={s.grid}>
          {park && <input type="hidden" name="id" value={park.id} />}
          {park && <input type="hidden" name="version" value={park.version} />}
          <Text name="name" label="简称" errors={e} defaultValue={park?.name} />
          <Text name="officialName" label="正式名称" errors={e} defaultValue={park?.officialName} />
          <Text name="nameEn" label="英文名称" errors={e} defaultValue={park?.nameEn} />
          <Text name="aliases" label="别名（逗号分隔）" errors={e} defaultValue={park?.aliases.join('，')} />
          <Text name="type" label="类型" errors={e} defaultValue={park?.type} hint="如 高新区、经开区、工业园" />
          <Select name="level" label="级别" errors={e} defaultValue={park?.level} options={entries(PARK_LEVEL_LABELS, PARK_LEVELS)} />
          <Combobox name="regionId" label="所在区县" options={regions} value={park?.regionId ?? null} error={e.regionId} />
          <Combobox name="parentId" label="上级园区" options={parents} value={park?.parentId ?? null} error={e.parentId} placeholder="子园区、产业园填所属园区；留空为独立园区" />
        </div>
      )}
    </ActionForm>
  );
}

export function RegionForm({ region, regions }: { region: RegionRow | null; regions: PickerOption[] }) {
  return (
    <ActionForm key={region?.id ?? 'new'} label={region ? `编辑区划：${region.name}` : '新建区划'} action={saveRegion} schema={regionSchema} submitText="保存区划">
      {(e) => (
        <div className={s.grid}>
          {region && <input type="hidden" name="id" value={region.id} />}
          {region && <input type="hidden" name="version" value={region.version} />}
          <Text name="code" label="区划代码" errors={e} defaultValue={region?.code} />
          <Text name="name" label="名称" errors={e} defaultValue={region?.name} />
          <Text name="nameEn" label="英文名称" errors={e} defaultValue={region?.nameEn} />
          <Text name="aliases" label="别名（逗号分隔）" errors={e} defaultValue={region?.aliases.join('，')} />
          <Select name="level" label="级别" errors={e} defaultValue={region?.level} options={entries(REGION_LEVEL_LABELS, REGION_LEVELS)} />
          <Combobox name="parentId" label="上级区划" options={regions} value={region?.parentId ?? null} error={e.parentId} />
        </div>
      )}
    </ActionForm>
  );
}

export function RecognitionForm({ row, parks, regions }: { row: RecognitionRow | null; parks: PickerOption[]; regions: PickerOption[] }) {
  const [type, setType] = useState<'park' | 'region'>(row?.regionId ? 'region' : 'park');
  return (
    <ActionForm key={row?.id ?? 'new'} label={row ? '编辑荣誉' : '添加荣誉'} action={saveRecognition} schema={recognitionSchema} submitText="保存">
      {(e) => (
        <div className={s.grid}>
          {row && <input type="hidden" name="id" value={row.id} />}
          <Field label="获得者类型" htmlFor="fld-subjectType" errors={e.subjectType}>
            <select id="fld-subjectType" name="subjectType" value={type} onChange={(ev) => setType(ev.target.value as 'park' | 'region')}>
              <option value="park">园区</option>
              <option value="region">区县/市</option>
            </select>
          </Field>
          {type === 'park' ? (
            <Combobox name="parkId" label="园区" options={parks} value={row?.parkId ?? null} error={e.parkId} />
          ) : (
            <Combobox name="regionId" label="区县/市" options={regions} value={row?.regionId ?? null} error={e.regionId} />
          )}
          <Text name="year" label="年份" errors={e} defaultValue={row ? String(row.year) : ''} />
          <Text name="title" label="称号" errors={e} defaultValue={row?.title} />
          <Select name="level" label="级别" errors={e} defaultValue={row?.level} options={entries(RECOGNITION_LEVEL_LABELS, RECOGNITION_LEVELS)} />
          <Text name="articleId" label="来源文章编号（可选）" errors={e} defaultValue={row?.articleId ? String(row.articleId) : ''} />
        </div>
      )}
    </ActionForm>
  );
}

const DELETERS = { metric: deleteMetric, park: deletePark, region: deleteRegion, recognition: deleteRecognition } as const;

export function DeleteButton({ kind, id, label }: { kind: keyof typeof DELETERS; id: number; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${s.btn} ${s.danger}`}
        disabled={busy}
        aria-label={`删除 ${label}`}
        onClick={async () => {
          if (!window.confirm(`删除“${label}”？（软删除，可恢复）`)) return;
          setBusy(true);
          const r = await DELETERS[kind]({ id });
          setBusy(false);
          setError(r.ok ? null : r.message);
          if (r.ok) router.refresh();
        }}
      >
        删除
      </button>
      {error && <span className={s.error} role="alert"> {error}</span>}
    </>
  );
}
