'use client';
// The forms of an issue's record: correct date, page and newspaper (a date the text's own dates
// disagree with needs a tick first), withdraw with a reason, restore. What was typed survives a
// refusal; each button is disabled while its action runs, so a double click sends one request.
import { useActionState, useState } from 'react';
import { useRouter } from 'next/navigation';
import { restoreIssue, updateIssue, withdrawIssue } from '@/lib/actions/issues';
import { fill } from '@/lib/i18n/dictionaries';
import type { IssuesDictionary } from '@/lib/i18n/issues';
import { Field, invalid } from './field';
import s from './admin.module.css';

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;

export interface IssueFormProps {
  id: number;
  version: number;
  publication: string;
  date: string;
  page: string | null;
  today: string;
  withdrawn: boolean;
  proposedDate: string | null;
  t: IssuesDictionary['record'];
}

function Message({ state }: { state: Result }) {
  if (!state) return null;
  return <p className={state.ok ? s.notice : s.alert}>{state.message}</p>;
}

export function IssueEditForm(p: IssueFormProps) {
  const router = useRouter();
  const [values, setValues] = useState({ publication: p.publication, date: p.date, page: p.page ?? '', confirmDate: false });
  const [state, action, pending] = useActionState(async (prev: Result, fd: FormData) => {
    const r = await updateIssue(prev, fd);
    if (r.ok) router.refresh();
    return r;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const proposed = errors.proposedDate?.[0] ?? p.proposedDate;
  return (
    <form action={action} className={s.card} aria-labelledby="issue-edit-title">
      <h2 id="issue-edit-title">{p.t.edit}</h2>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
      <div className={s.grid}>
        <Field label={p.t.publication} htmlFor="issue-publication" errors={errors.publication}>
          <input id="issue-publication" name="publication" value={values.publication} onChange={(e) => setValues({ ...values, publication: e.target.value })} {...invalid('issue-publication', errors.publication)} />
        </Field>
        <Field label={p.t.date} htmlFor="issue-date" errors={errors.date}>
          <input id="issue-date" name="date" type="date" max={p.today} value={values.date} onChange={(e) => setValues({ ...values, date: e.target.value })} {...invalid('issue-date', errors.date)} />
        </Field>
        <Field label={p.t.page} htmlFor="issue-page" errors={errors.page}>
          <input id="issue-page" name="page" value={values.page} onChange={(e) => setValues({ ...values, page: e.target.value })} {...invalid('issue-page', errors.page)} />
        </Field>
      </div>
      {proposed && proposed !== values.date ? (
        <p className={s.muted}>
          <button type="button" className={s.btn} onClick={() => setValues({ ...values, date: proposed })}>
            {fill(p.t.useDate, { date: proposed })}
          </button>
        </p>
      ) : null}
      {state && !state.ok && errors.date ? (
        <label className={s.row}>
          <input type="checkbox" name="confirmDate" checked={values.confirmDate} onChange={(e) => setValues({ ...values, confirmDate: e.target.checked })} />
          {p.t.confirmDate}
        </label>
      ) : null}
      <div className={s.row} style={{ marginTop: 8 }}>
        <button type="submit" className={`${s.btn} ${s.primary}`} disabled={pending}>{pending ? p.t.saving : p.t.save}</button>
      </div>
      <div role="status" aria-live="polite"><Message state={state} /></div>
    </form>
  );
}

export function IssueWithdrawForm(p: Pick<IssueFormProps, 'id' | 'version' | 'withdrawn' | 't'>) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  // The outcome of the latest of the two actions: the form switches between withdraw and restore
  // when the page refreshes, and the message of what just happened stays.
  const [last, setLast] = useState<Result>(null);
  const [wState, withdraw, withdrawing] = useActionState(async (prev: Result, fd: FormData) => {
    const r = await withdrawIssue(prev, fd);
    setLast(r);
    if (r.ok) {
      setReason('');
      router.refresh();
    }
    return r;
  }, null);
  const [, restore, restoring] = useActionState(async (prev: Result, fd: FormData) => {
    const r = await restoreIssue(prev, fd);
    setLast(r);
    if (r.ok) router.refresh();
    return r;
  }, null);
  if (p.withdrawn) {
    return (
      <form action={restore} className={s.card} aria-label={p.t.restore}>
        <input type="hidden" name="id" value={p.id} />
        <input type="hidden" name="version" value={p.version} />
        <button type="submit" className={`${s.btn} ${s.primary}`} disabled={restoring}>{restoring ? p.t.restoring : p.t.restore}</button>
        <div role="status" aria-live="polite"><Message state={last} /></div>
      </form>
    );
  }
  const errors = wState && !wState.ok ? (wState.fieldErrors ?? {}) : {};
  return (
    <form action={withdraw} className={s.card} aria-labelledby="issue-withdraw-title">
      <h2 id="issue-withdraw-title">{p.t.withdrawTitle}</h2>
      <p className={s.muted}>{p.t.withdrawIntro}</p>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
      <Field label={p.t.reason} htmlFor="issue-reason" errors={errors.reason}>
        <input id="issue-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required {...invalid('issue-reason', errors.reason)} />
      </Field>
      <div className={s.row} style={{ marginTop: 8 }}>
        <button type="submit" className={s.btn} disabled={withdrawing}>{withdrawing ? p.t.withdrawing : p.t.withdraw}</button>
      </div>
      <div role="status" aria-live="polite"><Message state={last} /></div>
    </form>
  );
}
