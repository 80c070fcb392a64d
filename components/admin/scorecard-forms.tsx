'use client';
// /admin/scorecard: each 五好 dimension with its indicators (move up/down, remove) and a form to
// add a catalogue metric to it (or move one from another dimension). Server actions check the
// role and audit; the page refreshes after each change; a refused choice stays selected.
import { useRouter } from 'next/navigation';
import { startTransition, useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { assignScorecardIndicator, moveScorecardIndicator, unassignScorecardIndicator } from '@/lib/actions/scorecard';
import type { ScorecardAdminView } from '@/lib/data/scorecard';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import s from './admin.module.css';

type Dimension = ScorecardAdminView['dimensions'][number];
type Action = (prev: unknown, input?: unknown) => Promise<ActionResult>;

function useScorecardAction(action: Action) {
  const router = useRouter();
  return useActionState(async (prev: unknown, fd: FormData) => {
    const r = await action(prev, fd);
    if (r.ok) router.refresh();
    return r;
  }, null);
}

function submit(dispatch: (fd: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
}

function Status({ state }: { state: ActionResult | null }) {
  return (
    <div role="status" aria-live="polite">
      {state && !state.ok ? <p className={s.alert}>{state.message}</p> : null}
      {state?.ok ? <p className={s.notice}>{state.message}</p> : null}
    </div>
  );
}

function IndicatorRow({ item, first, last, lang }: { item: Dimension['indicators'][number]; first: boolean; last: boolean; lang: Lang }) {
  const { scorecard: t, common } = adminDictionary(lang);
  const [moveState, move, moving] = useScorecardAction(moveScorecardIndicator);
  const [removeState, remove, removing] = useScorecardAction(unassignScorecardIndicator);
  const busy = moving || removing;
  return (
    <li className={s.row} data-metric={item.key} style={{ justifyContent: 'space-between', borderBottom: '1px solid #edf0f4', padding: '4px 0' }}>
      <span>
        {item.nameZh} <code className={s.muted}>{item.key}</code>
        {item.mergedInto ? <span className={s.muted}>{fill(common.mergedInto, { name: item.mergedInto })}</span> : null}
      </span>
      <span className={s.row}>
        <form onSubmit={submit(move)}>
          <input type="hidden" name="metricId" value={item.metricId} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" className={s.btn} disabled={busy || first} aria-label={fill(t.up, { name: item.nameZh })}>↑</button>
        </form>
        <form onSubmit={submit(move)}>
          <input type="hidden" name="metricId" value={item.metricId} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" className={s.btn} disabled={busy || last} aria-label={fill(t.down, { name: item.nameZh })}>↓</button>
        </form>
        <form onSubmit={submit(remove)}>
          <input type="hidden" name="metricId" value={item.metricId} />
          <button type="submit" className={s.btn} disabled={busy} aria-label={fill(t.remove, { name: item.nameZh })}>{t.removeButton}</button>
        </form>
      </span>
      {(moveState && !moveState.ok) || (removeState && !removeState.ok) ? <Status state={moveState && !moveState.ok ? moveState : removeState} /> : null}
    </li>
  );
}

export function DimensionEditor({ dimension, choices, lang = 'zh' }: { dimension: Dimension; choices: { id: number; label: string; group: string }[]; lang?: Lang }) {
  const { scorecard: t, common } = adminDictionary(lang);
  const [state, assign, pending] = useScorecardAction(assignScorecardIndicator);
  const selectId = `add-${dimension.key}`;
  const groups = [...new Set(choices.map((c) => c.group))];
  return (
    <section className={s.card} aria-labelledby={`dim-${dimension.key}`} data-dimension={dimension.key}>
      <h2 id={`dim-${dimension.key}`}>
        {dimension.nameZh} <span className={s.muted}>{dimension.nameEn} · {fill(t.indicators, { n: dimension.indicators.length })}{dimension.showAwards ? t.withAwards : ''}</span>
      </h2>
      {dimension.indicators.length ? (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {dimension.indicators.map((item, i) => (
            <IndicatorRow key={item.assignmentId} item={item} first={i === 0} last={i === dimension.indicators.length - 1} lang={lang} />
          ))}
        </ol>
      ) : (
        <p className={s.muted}>{t.none}</p>
      )}
      <form onSubmit={submit(assign)} className={s.row} style={{ marginTop: 8 }}>
        <input type="hidden" name="dimensionId" value={dimension.id} />
        <label htmlFor={selectId}>{t.add}</label>
        <select id={selectId} name="metricId" defaultValue="" required aria-invalid={state && !state.ok ? true : undefined}>
          <option value="">{common.choose}</option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {choices.filter((c) => c.group === g).map((c) => (
                <option key={c.id} value={c.id}>{c.label}</option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className={`${s.btn} ${s.primary}`} disabled={pending}>{pending ? common.saving : t.addButton}</button>
      </form>
      <Status state={state} />
    </section>
  );
}
