'use client';
// The review queue: draft facts grouped by article, each beside the paragraph it comes from
// (figure, subject and year marked) and any approved report of the same figure. Approve, reject
// with a preset reason, or correct-and-approve, one by one or in bulk. Keyboard: j/k move,
// a approve (and go to the next), r reject (menu of reasons; 1–4 pick one), e edit (type the
// value as written, Enter saves and approves), x select. Every change sends the version it started from.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Button, Dialog, Heading, Menu, MenuItem, MenuTrigger, Modal, ModalOverlay, Popover } from 'react-aria-components';
import { approveFacts, rejectFacts, updateFact } from '@/lib/actions/facts';
import type { PickerOptions } from '@/lib/data/catalog';
import type { ReviewArticle, ReviewFact, ReviewStatusFilter } from '@/lib/data/review';
import type { ReviewExtras } from '@/lib/data/review-context';
import { factUpdateSchema, REJECT_PRESETS } from '@/lib/validations/facts';
import { FactFields } from './fact-fields';
import { clientCheck, unmatchedPickers, type FieldErrors } from './form-utils';
import { comparatorLabel, formatValue, kindLabel, timeLabel, STATUS_LABELS } from './format';
import { HighlightedSentence } from './highlighted-sentence';
import { ConflictNotes, ContextParagraph } from './review-context';
import s from './admin.module.css';
import r from './review.module.css';

type Item = { id: number; version: number };
/** Which reject menu is open: a fact's, the bulk one (-1), or none. */
type MenuFor = number | null;
const BULK = -1;

export function ReviewQueue({
  articles, options, extras, status,
}: {
  articles: ReviewArticle[];
  options: PickerOptions;
  extras: Record<number, ReviewExtras>;
  status: ReviewStatusFilter;
}) {
  const router = useRouter();
  const all = useMemo(() => articles.flatMap((a) => a.facts), [articles]);
  const [cursor, setActive] = useState(0);
  // Rows change after every refresh: keep the cursor in range (selections are filtered below).
  const active = Math.min(cursor, Math.max(all.length - 1, 0));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const [menuFor, setMenuFor] = useState<MenuFor>(null);
  const [otherReason, setOtherReason] = useState<Item[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, startBusy] = useTransition();
  const rowRefs = useRef(new Map<number, HTMLDivElement>());
  const rootRef = useRef<HTMLDivElement>(null);

  /** After a decision: in the draft list the row leaves (the cursor already points at the next); elsewhere move on. */
  const next = useCallback(
    (index: number) => {
      if (status !== 'draft') setActive(Math.min(index + 1, all.length - 1));
    },
    [status, all.length],
  );

  const act = useCallback(
    (kind: 'approve' | 'reject', items: Item[], reason?: string, after?: () => void) => {
      if (items.length === 0) return;
      setMenuFor(null);
      startBusy(async () => {
        const res = kind === 'approve' ? await approveFacts({ items }) : await rejectFacts({ items, reason });
        setMessage({ ok: res.ok, text: res.ok ? (res.message ?? '完成') : res.message });
        if (res.ok) {
          setSelected(new Set());
          setOtherReason(null);
          after?.();
        }
        router.refresh();
      });
    },
    [router],
  );

  const itemOf = (f: ReviewFact): Item => ({ id: f.id, version: f.version });

  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const t = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const f = all[active];
      // An open reason menu: 1–4 pick a preset (arrows and Enter are the menu's own).
      if (menuFor !== null) {
        const preset = REJECT_PRESETS[Number(e.key) - 1];
        if (preset) {
          e.preventDefault();
          const items = menuFor === BULK ? all.filter((x) => selected.has(x.id)).map(itemOf) : all.filter((x) => x.id === menuFor).map(itemOf);
          act('reject', items, preset, () => next(active));
        }
        return;
      }
      if (otherReason || (t && t.closest('input, textarea, select, dialog[open], [role="dialog"], [role="menu"], [contenteditable]'))) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        setActive((a) => Math.min(a + 1, all.length - 1));
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
      } else if (e.key === 'a' && f && !busy && f.status !== 'approved') {
        e.preventDefault();
        act('approve', [itemOf(f)], undefined, () => next(active));
      } else if (e.key === 'r' && f) {
        e.preventDefault();
        // The row's reasons menu is controlled (isOpen): opening it here is what a click on 驳回 does.
        setMenuFor(f.id);
      } else if (e.key === 'e' && f) {
        e.preventDefault();
        setEditing(f.id);
      } else if (e.key === 'x' && f) {
        e.preventDefault();
        toggle(f.id);
      }
    }
    window.addEventListener('keydown', onKey);
    // The keys work from here on (browser tests wait for this before typing).
    rootRef.current?.setAttribute('data-ready', '');
    return () => window.removeEventListener('keydown', onKey);
  }, [all, active, busy, act, menuFor, otherReason, selected, next]);

  useEffect(() => {
    const f = all[active];
    if (f) rowRefs.current.get(f.id)?.scrollIntoView({ block: 'nearest' });
  }, [active, all]);

  function toggle(id: number): void {
    setSelected((sel) => {
      const n = new Set(sel);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  const selectedItems = all.filter((f) => selected.has(f.id)).map(itemOf);

  function reasonMenu(forId: MenuFor, items: Item[], label: string, text: string, disabled: boolean, index: number) {
    return (
      <MenuTrigger isOpen={menuFor === forId} onOpenChange={(open) => setMenuFor(open ? forId : null)}>
        <Button className={`${s.btn} ${s.danger}`} isDisabled={disabled} aria-label={label} data-reject-trigger={forId === BULK ? undefined : ''}>{text} ▾</Button>
        <Popover placement="bottom end" className={r.popover}>
          <Menu
            className={r.menu}
            aria-label="驳回理由"
            autoFocus="first"
            onAction={(key) => {
              if (key === 'other') {
                setMenuFor(null);
                setOtherReason(items);
              } else act('reject', items, String(key), () => next(index));
            }}
          >
            {REJECT_PRESETS.map((p, i) => (
              <MenuItem key={p} id={p} textValue={p} className={r.menuItem}>
                <span>{p}</span>
                <kbd>{i + 1}</kbd>
              </MenuItem>
            ))}
            <MenuItem id="other" textValue="其他理由" className={r.menuItem}>其他理由…</MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    );
  }

  return (
    <div ref={rootRef} data-review-queue>
      <div className={s.toolbar} role="toolbar" aria-label="批量操作">
        <span className={s.muted}>已选 {selectedItems.length} / {all.length}</span>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set(all.map((f) => f.id)))}>全选</button>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set())} disabled={selected.size === 0}>取消选择</button>
        <button type="button" className={`${s.btn} ${s.approve}`} disabled={busy || selectedItems.length === 0} onClick={() => act('approve', selectedItems)}>
          批准所选
        </button>
        {reasonMenu(BULK, selectedItems, '驳回所选', '驳回所选', busy || selectedItems.length === 0, active)}
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
                        const n = new Set(sel);
                        for (const id of ids) if (allIn) n.delete(id); else n.add(id);
                        return n;
                      })
                    }
                  />{' '}
                  全选本文
                </label>
              </div>
            </div>
            {a.facts.map((f) => {
              const index = all.indexOf(f);
              const extra = extras[f.id];
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
                    {extra?.context ? (
                      <ContextParagraph context={extra.context} />
                    ) : (
                      <HighlightedSentence evidence={f.evidence ?? (f.sourceNote ? `来源：${f.sourceNote}` : null)} raw={f.rawText} />
                    )}
                    {extra && <ConflictNotes conflicts={extra.conflicts} />}
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
                    {f.confidence !== null && <><dt>置信度</dt><dd>{f.confidence}</dd></>}
                    <dd><span className={`${s.badge} ${s[f.status]}`}>{STATUS_LABELS[f.status]}</span></dd>
                    {f.rejectionReason && <dd className={s.muted}>驳回理由：{f.rejectionReason}</dd>}
                  </dl>
                  <div className={s.actions}>
                    <button
                      type="button" className={`${s.btn} ${s.approve}`} disabled={busy || f.status === 'approved'}
                      onClick={() => act('approve', [itemOf(f)], undefined, () => next(index))} aria-label={`通过并下一条 #${f.id}`}
                    >
                      通过并下一条
                    </button>
                    {reasonMenu(f.id, [itemOf(f)], `驳回 #${f.id}`, '驳回', busy, index)}
                    <button type="button" className={s.btn} onClick={() => setEditing(editing === f.id ? null : f.id)} aria-expanded={editing === f.id} aria-label={`编辑 #${f.id}`}>
                      编辑
                    </button>
                  </div>
                  {editing === f.id && (
                    <FactEditor
                      fact={f}
                      options={options}
                      onDone={(text, approved) => {
                        setEditing(null);
                        setMessage({ ok: true, text });
                        if (approved) next(index);
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
      <OtherReasonDialog
        items={otherReason}
        busy={busy}
        onCancel={() => setOtherReason(null)}
        onConfirm={(reason) => otherReason && act('reject', otherReason, reason, () => next(active))}
      />
    </div>
  );
}

function FactEditor({
  fact, options, onDone, onCancel,
}: {
  fact: ReviewFact;
  options: PickerOptions;
  onDone: (message: string, approved: boolean) => void;
  onCancel: () => void;
}) {
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<{ message: string; fieldErrors?: FieldErrors | undefined } | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const sending = useRef(false);
  const errors = clientErrors ?? failure?.fieldErrors;
  return (
    <form
      className={s.editor}
      aria-label={`编辑 #${fact.id}`}
      noValidate
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (sending.current) return;
        const fd = new FormData(e.currentTarget);
        // Enter in a field submits with the first button: 保存并通过.
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const approve = (submitter?.value ?? '1') === '1';
        fd.set('approve', approve ? '1' : '0');
        const problems = clientCheck(factUpdateSchema, fd) ?? unmatchedPickers(e.currentTarget);
        setClientErrors(problems);
        if (problems) return;
        sending.current = true;
        start(async () => {
          const res = await updateFact(null, fd);
          sending.current = false;
          if (res.ok) onDone(res.message ?? '已保存', approve);
          else setFailure({ message: res.message, fieldErrors: res.fieldErrors });
        });
      }}
    >
      <input type="hidden" name="id" value={fact.id} />
      <input type="hidden" name="version" value={fact.version} />
      <FactFields idPrefix={`f${fact.id}`} options={options} values={fact} errors={errors} autoFocusValue />
      {(clientErrors || failure) && <p className={s.alert} role="alert">{clientErrors ? '未保存：请检查标出的字段' : failure?.message}</p>}
      <div className={s.row} style={{ marginTop: 8 }}>
        <button type="submit" name="approveChoice" value="1" className={`${s.btn} ${s.approve}`} disabled={pending}>
          {pending ? '保存中…' : '保存并通过'}
        </button>
        <button type="submit" name="approveChoice" value="0" className={`${s.btn} ${s.primary}`} disabled={pending}>仅保存</button>
        <button type="button" className={s.btn} onClick={onCancel}>取消</button>
        <span className={s.muted}>Enter 保存并通过 · Esc 取消</span>
      </div>
    </form>
  );
}

function OtherReasonDialog({ items, busy, onCancel, onConfirm }: { items: Item[] | null; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalOverlay isOpen={items !== null} isDismissable onOpenChange={(open) => !open && onCancel()} className={r.overlay}>
      <Modal className={r.modal}>
        <Dialog className={r.dialog}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim().length < 2) {
                setError('请填写驳回理由');
                return;
              }
              onConfirm(reason.trim());
              setReason('');
            }}
          >
            <Heading slot="title">驳回 {items?.length ?? 0} 条数据</Heading>
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
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
