'use client';
// The review queue: draft facts grouped by article, each beside its source sentence. Approve,
// reject (with a reason) or edit one by one or in bulk; keyboard: j/k move, a approve,
// r reject, e edit, x select. Every change sends the version it started from.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { approveFacts, rejectFacts, updateFact } from '@/lib/actions/facts';
import type { PickerOptions } from '@/lib/data/catalog';
import type { ReviewArticle, ReviewFact } from '@/lib/data/review';
import { factUpdateSchema } from '@/lib/validations/facts';
import { FactFields } from './fact-fields';
import { clientCheck, type FieldErrors } from './form-utils';
import { comparatorLabel, formatValue, kindLabel, timeLabel, STATUS_LABELS } from './format';
import { HighlightedSentence } from './highlighted-sentence';
import s from './admin.module.css';

type Item = { id: number; version: number };

export function ReviewQueue({ articles, options }: { articles: ReviewArticle[]; options: PickerOptions }) {
  const router = useRouter();
  const all = useMemo(() => articles.flatMap((a) => a.facts), [articles]);
  const [cursor, setActive] = useState(0);
  // Rows change after every refresh: keep the cursor in range (selections are filtered below).
  const active = Math.min(cursor, Math.max(all.length - 1, 0));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<Item[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const rowRefs = useRef(new Map<number, HTMLDivElement>());


  const act = useCallback(
    async (kind: 'approve' | 'reject', items: Item[], reason?: string) => {
      if (items.length === 0) return;
      setBusy(true);
      const r = kind === 'approve' ? await approveFacts({ items }) : await rejectFacts({ items, reason });
      setBusy(false);
      setMessage({ ok: r.ok, text: r.ok ? (r.message ?? '完成') : r.message });
      if (r.ok) {
        setSelected(new Set());
        setRejecting(null);
      }
      router.refresh();
    },
    [router],
  );

  const itemOf = (f: ReviewFact): Item => ({ id: f.id, version: f.version });

  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, dialog[open], [contenteditable]') || e.metaKey || e.ctrlKey || e.altKey)) return;
      const f = all[active];
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        setActive((a) => Math.min(a + 1, all.length - 1));
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
      } else if (e.key === 'a' && f && !busy) {
        e.preventDefault();
        void act('approve', [itemOf(f)]);
      } else if (e.key === 'r' && f) {
        e.preventDefault();
        setRejecting([itemOf(f)]);
      } else if (e.key === 'e' && f) {
        e.preventDefault();
        setEditing(f.id);
      } else if (e.key === 'x' && f) {
        e.preventDefault();
        toggle(f.id);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [all, active, busy, act]);

  useEffect(() => {
    const f = all[active];
    if (f) rowRefs.current.get(f.id)?.scrollIntoView({ block: 'nearest' });
  }, [active, all]);

  function toggle(id: number): void {
    setSelected((sel) => {
      const next = new Set(sel);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const selectedItems = all.filter((f) => selected.has(f.id)).map(itemOf);

  return (
    <div>
      <div className={s.toolbar} role="toolbar" aria-label="批量操作">
        <span className={s.muted}>已选 {selectedItems.length} / {all.length}</span>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set(all.map((f) => f.id)))}>全选</button>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set())} disabled={selected.size === 0}>取消选择</button>
        <button type="button" className={`${s.btn} ${s.approve}`} disabled={busy || selectedItems.length === 0} onClick={() => void act('approve', selectedItems)}>
          批准所选
        </button>
        <button type="button" className={`${s.btn} ${s.danger}`} disabled={busy || selectedItems.length === 0} onClick={() => setRejecting(selectedItems)}>
          驳回所选
        </button>
      </div>
      <div aria-live="polite" role="status">
        {message && <p className={message.ok ? s.notice : s.alert}>{message.text}</p>}
      </div>
      {articles.map((a) => {
        const ids = a.facts.map((f) => f.id);
        const allIn = ids.every((id) => selected.has(id));
        return (
          <section key={a.id} className={s.article} aria-labelledby={`art-${a.id}`}>
            <div className={s.articleHead}>
              <h2 id={`art-${a.id}`}>
                {a.id > 0 ? <Link href={`/admin/articles/${a.id}`}>{a.headline}</Link> : a.headline}
              </h2>
              <div className={s.row}>
                <span className={s.muted}>{a.facts.length} 条</span>
                <label className={s.muted}>
                  <input
                    type="checkbox"
                    checked={allIn}
                    onChange={() =>
                      setSelected((sel) => {
                        const next = new Set(sel);
                        for (const id of ids) if (allIn) next.delete(id); else next.add(id);
                        return next;
                      })
                    }
                  />{' '}
                  全选本文
                </label>
              </div>
            </div>
            {a.facts.map((f) => {
              const index = all.indexOf(f);
              return (
                <div
                  key={f.id}
                  id={`fact-${f.id}`}
                  ref={(el) => {
                    if (el) rowRefs.current.set(f.id, el);
                    else rowRefs.current.delete(f.id);
                  }}
                  className={s.fact}
                  data-active={index === active}
                  data-fact-id={f.id}
                  onClick={() => setActive(index)}
                >
                  <input type="checkbox" aria-label={`选择 #${f.id}`} checked={selected.has(f.id)} onChange={() => toggle(f.id)} />
                  <div className={s.sentence}>
                    <HighlightedSentence evidence={f.evidence ?? (f.sourceNote ? `来源：${f.sourceNote}` : null)} raw={f.rawText} />
                  </div>
                  <dl className={`${s.kv} ${s.factMeta}`}>
                    <dt>指标</dt>
                    <dd>{f.metricName}{f.metricKey === 'unclassified' && f.metricLabel ? `（${f.metricLabel}）` : ''}</dd>
                    <dt>主体</dt>
                    <dd>{f.parkName ?? f.regionName ?? f.orgName ?? '—'}</dd>
                    <dt>时间</dt>
                    <dd>{timeLabel(f.year, f.period)}</dd>
                    <dt>数值</dt>
                    <dd className={s.num} data-testid="fact-value">
                      {comparatorLabel(f.comparator)}{formatValue(f.value, f.unit)} · {kindLabel(f.kind)}
                    </dd>
                    <dd><span className={`${s.badge} ${s[f.status]}`}>{STATUS_LABELS[f.status]}</span></dd>
                    {f.rejectionReason && <dd className={s.muted}>驳回理由：{f.rejectionReason}</dd>}
                  </dl>
                  <div className={s.actions}>
                    <button type="button" className={`${s.btn} ${s.approve}`} disabled={busy || f.status === 'approved'} onClick={() => void act('approve', [itemOf(f)])} aria-label={`批准 #${f.id}`}>
                      批准
                    </button>
                    <button type="button" className={`${s.btn} ${s.danger}`} disabled={busy} onClick={() => setRejecting([itemOf(f)])} aria-label={`驳回 #${f.id}`}>
                      驳回
                    </button>
                    <button type="button" className={s.btn} onClick={() => setEditing(editing === f.id ? null : f.id)} aria-expanded={editing === f.id} aria-label={`编辑 #${f.id}`}>
                      编辑
                    </button>
                  </div>
                  {editing === f.id && (
                    <FactEditor
                      fact={f}
                      options={options}
                      onDone={(text) => {
                        setEditing(null);
                        setMessage({ ok: true, text });
                        router.refresh();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
      {rejecting && <RejectDialog count={rejecting.length} busy={busy} onCancel={() => setRejecting(null)} onConfirm={(reason) => void act('reject', rejecting, reason)} />}
    </div>
  );
}

function FactEditor({
  fact, options, onDone, onCancel,
}: {
  fact: ReviewFact;
  options: PickerOptions;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, dispatch, pending] = useActionState((prev: unknown, fd: FormData) => updateFact(prev, fd), null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onDone(state.message ?? '已保存');
    }
  }, [state, onDone]);
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  return (
    <form
      className={s.editor}
      aria-label={`编辑 #${fact.id}`}
      noValidate
      onKeyDown={(e) => e.stopPropagation()}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const problems = clientCheck(factUpdateSchema, fd);
        setClientErrors(problems);
        if (!problems) startTransition(() => dispatch(fd));
      }}
    >
      <input type="hidden" name="id" value={fact.id} />
      <input type="hidden" name="version" value={fact.version} />
      <FactFields idPrefix={`f${fact.id}`} options={options} values={fact} errors={errors} />
      {state && !state.ok && !clientErrors && <p className={s.alert} role="alert">{state.message}</p>}
      <div className={s.row} style={{ marginTop: 8 }}>
        <button type="submit" className={`${s.btn} ${s.primary}`} disabled={pending}>{pending ? '保存中…' : '保存'}</button>
        <button type="button" className={s.btn} onClick={onCancel}>取消</button>
      </div>
    </form>
  );
}

function RejectDialog({ count, busy, onCancel, onConfirm }: { count: number; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className={s.dialog} aria-labelledby="reject-title" onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < 2) {
            setError('请填写驳回理由');
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        <h2 id="reject-title" style={{ fontSize: '1rem', marginTop: 0 }}>驳回 {count} 条数据</h2>
        <div className={s.field}>
          <label htmlFor="reject-reason">驳回理由（必填）</label>
          <textarea
            id="reject-reason"
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'reject-reason-err' : undefined}
            style={{ minHeight: '4rem' }}
          />
          {error && <p id="reject-reason-err" className={s.error}>{error}</p>}
        </div>
        <div className={s.row} style={{ marginTop: 8 }}>
          <button type="submit" className={`${s.btn} ${s.danger}`} disabled={busy}>确认驳回</button>
          <button type="button" className={s.btn} onClick={onCancel}>取消</button>
        </div>
      </form>
    </dialog>
  );
}
