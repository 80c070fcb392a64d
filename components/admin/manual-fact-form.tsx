'use client';
// Manual entry of a figure no article states: the fact's fields plus where it comes from.
// It cannot double-submit: the button is disabled from the first click (a ref, set before React
// re-renders) and the form's submission key makes the server find the first fact on a second send.
import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { createManualFact } from '@/lib/actions/facts';
import type { PickerOptions } from '@/lib/data/catalog';
import { manualFactSchema } from '@/lib/validations/facts';
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import { FactFields } from './fact-fields';
import { Field, invalid } from './field';
import { clientCheck, unmatchedPickers, formToObject, type FieldErrors } from './form-utils';
import s from './admin.module.css';

export function ManualFactForm({ options, submissionKey, lang = 'zh' }: { options: PickerOptions; submissionKey: string; lang?: Lang }) {
  const { manual: m, common } = adminDictionary(lang);
  const [state, setState] = useState<Awaited<ReturnType<typeof createManualFact>> | null>(null);
  const [pending, startTransition] = useTransition();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // What was typed, so a refused form comes back filled in (fields remount with these defaults).
  const [typed, setTyped] = useState<Record<string, unknown>>({});
  const [key, setKey] = useState(submissionKey);
  // Set on the first click, before React re-renders: a second click in the same frame is ignored.
  const sending = useRef(false);
  // The form works from hydration on (browser tests wait for this marker before submitting).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute('data-ready', ''), []);
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  const t = (k: string) => (typeof typed[k] === 'string' ? (typed[k] as string) : '');
  const num = (k: string) => (t(k) ? Number(t(k)) : null);
  const busy = pending;
  return (
    <form
      ref={formRef}
      className={s.card}
      aria-label={m.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (sending.current) return;
        const fd = new FormData(e.currentTarget);
        setTyped(formToObject(fd));
        const problems = clientCheck(manualFactSchema, fd, lang) ?? unmatchedPickers(e.currentTarget, lang);
        setClientErrors(problems);
        if (problems) return;
        sending.current = true;
        startTransition(async () => {
          const r = await createManualFact(null, fd);
          setState(r);
          // A saved fact: the next entry is a new submission.
          if (r.ok) setKey(crypto.randomUUID());
          sending.current = false;
        });
      }}
    >
      <input type="hidden" name="submissionKey" value={key} />
      <FactFields
        key={key}
        idPrefix="manual"
        options={options}
        errors={errors}
        lang={lang}
        values={{
          metricId: num('metricId'), parkId: num('parkId'), regionId: num('regionId'), projectId: num('projectId'), orgId: num('orgId'), orgName: t('orgName') || null,
          year: num('year'), period: t('period') || null, kind: t('kind') || 'actual', comparator: t('comparator') || 'eq',
          value: '', unit: '', valueText: t('value'), unitText: t('unit'),
        }}
      />
      <div className={s.grid} style={{ marginTop: 8 }}>
        <Field label={m.sourceNote} htmlFor="manual-sourceNote" errors={errors?.sourceNote}>
          <textarea id="manual-sourceNote" name="sourceNote" defaultValue={t('sourceNote')} style={{ minHeight: '4rem' }} {...invalid('manual-sourceNote', errors?.sourceNote)} />
        </Field>
        <Field label={m.status} htmlFor="manual-status" errors={errors?.status}>
          <select id="manual-status" name="status" defaultValue={t('status') || 'draft'}>
            <option value="draft">{m.draft}</option>
            <option value="approved">{m.approved}</option>
          </select>
        </Field>
      </div>
      <div role="status" aria-live="polite">
        {clientErrors && <p className={s.alert}>{common.notSaved}</p>}
        {!clientErrors && state && !state.ok && <p className={s.alert}>{state.message}</p>}
        {!clientErrors && state?.ok && (
          <p className={s.notice}>
            {state.message}{lang === 'en' ? ` (#${state.data?.id}). ` : <>（#{state.data?.id}）。</>}<Link href="/admin/review?status=all">{m.view}</Link>
          </p>
        )}
      </div>
      <button type="submit" className={`${s.btn} ${s.primary}`} disabled={busy} aria-disabled={busy} style={{ marginTop: 8 }}>
        {busy ? common.saving : common.save}
      </button>
    </form>
  );
}
