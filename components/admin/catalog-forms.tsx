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
import { AGGREGATIONS, DIRECTIONS, mergeMetricsSchema, metricSchema, METRIC_NATURES, NATURE_OPTIONS, VALUE_TYPES } from '@/lib/validations/metrics';
import { PARK_LEVELS, parkSchema, RECOGNITION_LEVELS, recognitionSchema, REGION_LEVELS, regionSchema } from '@/lib/validations/places';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { NATURE_LABELS } from '@/lib/vocab/figure';
import { Combobox } from './combobox';
import { Field, invalid } from './field';
import { clientCheck, unmatchedPickers, type FieldErrors } from './form-utils';
import s from './admin.module.css';

type Action = (prev: unknown, input?: unknown) => Promise<ActionResult<unknown>>;

function ActionForm({
  label, action, schema, submitText, children, lang,
}: {
  label: string;
  action: Action;
  schema: z.ZodType;
  submitText: string;
  children: (errors: FieldErrors) => ReactNode;
  lang: Lang;
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
        const problems = clientCheck(schema, fd, lang) ?? unmatchedPickers(e.currentTarget, lang);
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
        {pending ? adminDictionary(lang).common.saving : submitText}
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

function Select({ name, label, errors, defaultValue, options, lang }: { name: string; label: string; errors: FieldErrors; defaultValue?: string | null | undefined; options: [string, string][]; lang: Lang }) {
  const id = `fld-${name}`;
  return (
    <Field label={label} htmlFor={id} errors={errors[name]}>
      <select id={id} name={name} defaultValue={defaultValue ?? ''} {...invalid(id, errors[name])}>
        <option value="">{adminDictionary(lang).common.choose}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Field>
  );
}

const entries = <K extends string>(labels: Record<string, string>, keys: readonly K[]): [string, string][] => keys.map((k) => [k, labels[k] ?? k]);

export function MetricForm({ metric, lang = 'zh' }: { metric: MetricRow | null; lang?: Lang }) {
  const c = adminDictionary(lang).catalog;
  const natures = lang === 'zh' ? NATURE_OPTIONS : Object.fromEntries(METRIC_NATURES.map((n) => [n, NATURE_LABELS[n].en]));
  return (
    <ActionForm key={metric?.id ?? 'new'} label={metric ? fill(c.editMetric, { name: metric.nameZh }) : c.newMetric} action={saveMetric} schema={metricSchema} submitText={c.saveMetric} lang={lang}>
      {(e) => (
        <div className={s.grid}>
          {metric && <input type="hidden" name="id" value={metric.id} />}
          {metric && <input type="hidden" name="version" value={metric.version} />}
          <Text name="key" label={c.key} errors={e} defaultValue={metric?.key} hint={c.keyHint} />
          <Text name="nameZh" label={c.nameZh} errors={e} defaultValue={metric?.nameZh} />
          <Text name="nameEn" label={adminDictionary(lang).common.nameEn} errors={e} defaultValue={metric?.nameEn} />
          <Text name="unit" label={c.unitCode} errors={e} defaultValue={metric?.unit} hint={c.unitHint} />
          <Select name="valueType" label={c.valueType} errors={e} defaultValue={metric?.valueType} options={entries(c.valueTypes, VALUE_TYPES)} lang={lang} />
          <Select name="aggregation" label={c.aggregation} errors={e} defaultValue={metric?.aggregation} options={entries(c.aggregations, AGGREGATIONS)} lang={lang} />
          <Select name="direction" label={c.direction} errors={e} defaultValue={metric?.direction ?? 'higher_better'} options={entries(c.directions, DIRECTIONS)} lang={lang} />
          <Select name="nature" label={c.nature} errors={e} defaultValue={metric?.nature ?? 'level'} options={entries(natures, METRIC_NATURES)} lang={lang} />
          <Text name="category" label={c.category} errors={e} defaultValue={metric?.category} />
          <Text name="keywords" label={c.keywords} errors={e} defaultValue={metric?.keywords.join('，')} />
          <Text name="description" label={c.description} errors={e} defaultValue={metric?.description} />
        </div>
      )}
    </ActionForm>
  );
}

export function MergeMetricsForm({ options, lang = 'zh' }: { options: PickerOption[]; lang?: Lang }) {
  const c = adminDictionary(lang).catalog;
  return (
    <ActionForm label={c.mergeTitle} action={mergeMetrics} schema={mergeMetricsSchema} submitText={c.merge} lang={lang}>
      {(e) => (
        <>
          <p className={s.muted}>{c.mergeIntro}</p>
          <div className={s.grid}>
            <Combobox name="sourceId" label={c.mergeSource} options={options} value={null} error={e.sourceId} lang={lang} />
            <Combobox name="targetId" label={c.mergeTarget} options={options} value={null} error={e.targetId} lang={lang} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ParkForm({ park, regions, parks, lang = 'zh' }: { park: ParkRow | null; regions: PickerOption[]; parks: PickerOption[]; lang?: Lang }) {
  const { catalog: c, common } = adminDictionary(lang);
  // Itself is never its own parent; the server also refuses its sub-parks (a cycle).
  const parents = park ? parks.filter((p) => p.id !== park.id) : parks;
  return (
    <ActionForm key={park?.id ?? 'new'} label={park ? fill(c.editPark, { name: park.name }) : c.newPark} action={savePark} schema={parkSchema} submitText={c.savePark} lang={lang}>
      {(e) => (
        <div className={s.grid}>
          {park && <input type="hidden" name="id" value={park.id} />}
          {park && <input type="hidden" name="version" value={park.version} />}
          <Text name="name" label={c.shortName} errors={e} defaultValue={park?.name} />
          <Text name="officialName" label={c.officialName} errors={e} defaultValue={park?.officialName} />
          <Text name="nameEn" label={common.nameEn} errors={e} defaultValue={park?.nameEn} />
          <Text name="aliases" label={common.aliases} errors={e} defaultValue={park?.aliases.join('，')} />
          <Text name="type" label={c.type} errors={e} defaultValue={park?.type} hint={c.typeHint} />
          <Select name="level" label={common.level} errors={e} defaultValue={park?.level} options={entries(c.parkLevels, PARK_LEVELS)} lang={lang} />
          <Combobox name="regionId" label={c.parkRegion} options={regions} value={park?.regionId ?? null} error={e.regionId} lang={lang} />
          <Combobox name="parentId" label={c.parentPark} options={parents} value={park?.parentId ?? null} error={e.parentId} placeholder={c.parentParkHint} lang={lang} />
        </div>
      )}
    </ActionForm>
  );
}

export function RegionForm({ region, regions, lang = 'zh' }: { region: RegionRow | null; regions: PickerOption[]; lang?: Lang }) {
  const { catalog: c, common } = adminDictionary(lang);
  return (
    <ActionForm key={region?.id ?? 'new'} label={region ? fill(c.editRegion, { name: region.name }) : c.newRegion} action={saveRegion} schema={regionSchema} submitText={c.saveRegion} lang={lang}>
      {(e) => (
        <div className={s.grid}>
          {region && <input type="hidden" name="id" value={region.id} />}
          {region && <input type="hidden" name="version" value={region.version} />}
          <Text name="code" label={c.regionCode} errors={e} defaultValue={region?.code} />
          <Text name="name" label={common.name} errors={e} defaultValue={region?.name} />
          <Text name="nameEn" label={common.nameEn} errors={e} defaultValue={region?.nameEn} />
          <Text name="aliases" label={common.aliases} errors={e} defaultValue={region?.aliases.join('，')} />
          <Select name="level" label={common.level} errors={e} defaultValue={region?.level} options={entries(c.regionLevels, REGION_LEVELS)} lang={lang} />
          <Combobox name="parentId" label={c.parent} options={regions} value={region?.parentId ?? null} error={e.parentId} lang={lang} />
        </div>
      )}
    </ActionForm>
  );
}

export function RecognitionForm({ row, parks, regions, lang = 'zh' }: { row: RecognitionRow | null; parks: PickerOption[]; regions: PickerOption[]; lang?: Lang }) {
  const [type, setType] = useState<'park' | 'region'>(row?.regionId ? 'region' : 'park');
  const { catalog: c, common } = adminDictionary(lang);
  return (
    <ActionForm key={row?.id ?? 'new'} label={row ? c.editRecognition : c.newRecognition} action={saveRecognition} schema={recognitionSchema} submitText={common.save} lang={lang}>
      {(e) => (
        <div className={s.grid}>
          {row && <input type="hidden" name="id" value={row.id} />}
          <Field label={c.holderType} htmlFor="fld-subjectType" errors={e.subjectType}>
            <select id="fld-subjectType" name="subjectType" value={type} onChange={(ev) => setType(ev.target.value as 'park' | 'region')}>
              <option value="park">{common.park}</option>
              <option value="region">{common.region}</option>
            </select>
          </Field>
          {type === 'park' ? (
            <Combobox name="parkId" label={common.park} options={parks} value={row?.parkId ?? null} error={e.parkId} lang={lang} />
          ) : (
            <Combobox name="regionId" label={common.region} options={regions} value={row?.regionId ?? null} error={e.regionId} lang={lang} />
          )}
          <Text name="year" label={common.year} errors={e} defaultValue={row ? String(row.year) : ''} />
          <Text name="title" label={c.recognitionTitle} errors={e} defaultValue={row?.title} />
          <Select name="level" label={common.level} errors={e} defaultValue={row?.level} options={entries(c.recognitionLevels, RECOGNITION_LEVELS)} lang={lang} />
          <Text name="articleId" label={c.articleId} errors={e} defaultValue={row?.articleId ? String(row.articleId) : ''} />
        </div>
      )}
    </ActionForm>
  );
}

const DELETERS = { metric: deleteMetric, park: deletePark, region: deleteRegion, recognition: deleteRecognition } as const;

export function DeleteButton({ kind, id, label, lang = 'zh' }: { kind: keyof typeof DELETERS; id: number; label: string; lang?: Lang }) {
  const router = useRouter();
  const common = adminDictionary(lang).common;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${s.btn} ${s.danger}`}
        disabled={busy}
        aria-label={fill(common.deleteLabel, { label })}
        onClick={async () => {
          if (!window.confirm(fill(common.deleteConfirm, { label }))) return;
          setBusy(true);
          const r = await DELETERS[kind]({ id });
          setBusy(false);
          setError(r.ok ? null : r.message);
          if (r.ok) router.refresh();
        }}
      >
        {common.delete}
      </button>
      {error && <span className={s.error} role="alert"> {error}</span>}
    </>
  );
}
