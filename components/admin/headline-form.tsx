'use client';
// The headline figures of one dashboard: the chosen metrics in order (move up/down, remove), a
// list to add from, save, and back to the default. The choice lives in this component's state, so
// a refused save keeps it as it was arranged.
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { saveHeadline } from '@/lib/actions/headline';
import type { ActionResult } from '@/lib/actions/result';
import { MAX_HEADLINE, type HeadlineDashboard } from '@/lib/validations/headline';
import type { PromisesDictionary } from '@/lib/i18n/promises';

type State = ActionResult<unknown> | null;
export interface MetricOption {
  id: number;
  label: string;
}

export function HeadlineForm({
  dashboard,
  initial,
  options,
  words,
}: {
  dashboard: HeadlineDashboard;
  initial: number[];
  options: MetricOption[];
  words: PromisesDictionary['headline'];
}) {
  const [chosen, setChosen] = useState<number[]>(initial);
  const [adding, setAdding] = useState('');
  const [state, dispatch, pending] = useActionState<State, FormData>((prev, fd) => saveHeadline(prev, fd), null);
  // The buttons work from hydration on (browser tests wait for this marker before using the form).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute('data-ready', ''), []);
  const label = new Map(options.map((o) => [o.id, o.label]));
  const send = (ids: number[]) => {
    const fd = new FormData();
    fd.set('dashboard', dashboard);
    for (const id of ids) fd.append('metricIds', String(id));
    startTransition(() => dispatch(fd));
  };
  const move = (i: number, by: -1 | 1) =>
    setChosen((list) => {
      const next = [...list];
      const j = i + by;
      if (j < 0 || j >= next.length) return list;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const addId = `headline-add-${dashboard}`;
  const error = state && !state.ok ? (state.fieldErrors?.metricIds?.[0] ?? state.message) : null;
  return (
    <form
      ref={formRef}
      aria-label={words.dashboard[dashboard]}
      onSubmit={(e) => {
        e.preventDefault();
        send(chosen);
      }}
    >
      <h3>{words.chosen}</h3>
      {chosen.length === 0 ? <p className="muted">{words.defaultNote}</p> : null}
      <ol className="headline-list">
        {chosen.map((id, i) => (
          <li key={id}>
            <span>{label.get(id) ?? `#${id}`}</span>{' '}
            <button type="button" className="button secondary" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${words.up}：${label.get(id) ?? id}`}>
              ↑
            </button>{' '}
            <button type="button" className="button secondary" onClick={() => move(i, 1)} disabled={i === chosen.length - 1} aria-label={`${words.down}：${label.get(id) ?? id}`}>
              ↓
            </button>{' '}
            <button type="button" className="button secondary" onClick={() => setChosen((l) => l.filter((x) => x !== id))} aria-label={`${words.remove}：${label.get(id) ?? id}`}>
              {words.remove}
            </button>
          </li>
        ))}
      </ol>
      <p>
        <label htmlFor={addId}>{words.add}</label>{' '}
        <select id={addId} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">—</option>
          {options
            .filter((o) => !chosen.includes(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
        </select>{' '}
        <button
          type="button"
          className="button secondary"
          disabled={adding === '' || chosen.length >= MAX_HEADLINE}
          onClick={() => {
            const id = Number(adding);
            if (id > 0) setChosen((l) => (l.includes(id) ? l : [...l, id]));
            setAdding('');
          }}
        >
          {words.add}
        </button>
      </p>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {words.save}
        </button>{' '}
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => {
            setChosen([]);
            send([]);
          }}
        >
          {words.reset}
        </button>
      </p>
      {error ? (
        <p role="alert" className="form-alert">
          {error}
        </p>
      ) : state?.ok ? (
        <p role="status" className="form-ok">
          {state.message ?? words.saved}
        </p>
      ) : null}
    </form>
  );
}
