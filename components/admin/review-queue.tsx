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
import { adminDictionary, type AdminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { comparatorLabel, formatValue, kindLabel, statusLabel, timeLabel } from './format';
import { HighlightedSentence } from './highlighted-sentence';
import { ConflictNotes, ContextParagraph } from './review-context';
import s from './admin.module.css';
import r from './review.module.css';

type Item = { id: number; version: number };
/** Which reject menu is open: a fact's, the bulk one (-1), or none. */
type MenuFor = number | null;
const BULK = -1;

export function ReviewQueue({
  articles, options, extras, status, lang = 'zh',
}: {
  articles: ReviewArticle[];
  options: PickerOptions;
  extras: Record<number, ReviewExtras>;
  status: ReviewStatusFilter;
  lang?: Lang;
}) {
  const router = useRouter();
  const t = adminDictionary(lang).review;
  const doneText = adminDictionary(lang).common.done;
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
        setMessage({ ok: res.ok, text: res.ok ? (res.message ?? doneText) : res.message });
        if (res.ok) {
          setSelected(new Set());
          setOtherReason(null);
          after?.();
        }
        router.refresh();
      });
    },
    [router, doneText],
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
            aria-label={t.rejectReasons}
            autoFocus="first"
            onAction={(key) => {
              if (key === 'other') {
                setMenuFor(null);
                setOtherReason(items);
              } else act('reject', items, String(key), () => next(index));
            }}
          >
            {REJECT_PRESETS.map((p, i) => (
              <MenuItem key={p} id={p} textValue={t.presets[p] ?? p} className={r.menuItem}>
                <span>{t.presets[p] ?? p}</span>
                <kbd>{i + 1}</kbd>
              </MenuItem>
            ))}
            <MenuItem id="other" textValue={t.otherReasonText} className={r.menuItem}>{t.otherReason}</MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    );
  }

  return (
    <div ref={rootRef} data-review-queue>
      <div className={s.toolbar} role="toolbar" aria-label={t.bulk}>
        <span className={s.muted}>{fill(t.selected, { n: selectedItems.length, total: all.length })}</span>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set(all.map((f) => f.id)))}>{t.selectAll}</button>
        <button type="button" className={s.btn} onClick={() => setSelected(new Set())} disabled={selected.size === 0}>{t.unselect}</button>
        <button type="button" className={`${s.btn} ${s.approve}`} disabled={busy || selectedItems.length === 0} onClick={() => act('approve', selectedItems)}>
          {t.approveSelected}
        </button>
        {reasonMenu(BULK, selectedItems, t.rejectSelected, t.rejectSelected, busy || selectedItems.length === 0, active)}
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
                <span className={s.muted}>{fill(t.facts, { n: a.facts.length })}</span>
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
                  {t.selectArticle}
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
                  <input type="checkbox" aria-label={fill(adminDictionary(lang).common.select, { id: f.id })} checked={selected.has(f.id)} onChange={() => toggle(f.id)} />
                  <div className={s.sentence}>
                    {extra?.context ? (
                      <ContextParagraph context={extra.context} lang={lang} />
                    ) : (
                      <HighlightedSentence evidence={f.evidence ?? (f.sourceNote ? fill(t.source, { note: f.sourceNote }) : null)} raw={f.rawText} lang={lang} />
                    )}
                    {extra && <ConflictNotes conflicts={extra.conflicts} lang={lang} />}
                  </div>
                  <dl className={`${s.kv} ${s.factMeta}`}>
                    <dt>{t.metric}</dt>
                    <dd>{f.metricName}{f.metricKey === 'unclassified' && f.metricLabel ? (lang === 'en' ? ` (${f.metricLabel})` : `（${f.metricLabel}）`) : ''}</dd>
                    <dt>{t.subject}</dt>
                    <dd>{f.parkName ?? f.regionName ?? f.orgName ?? '—'}</dd>
                    <dt>{t.time}</dt>
                    <dd>{timeLabel(f.year, f.period, lang)}</dd>
                    <dt>{t.value}</dt>
                    <dd className={s.num} data-testid="fact-value">
                      {comparatorLabel(f.comparator, lang)}{formatValue(f.value, f.unit, lang)} · {kindLabel(f.kind, lang)}
                    </dd>
                    {f.confidence !== null && <><dt>{t.confidenceShort}</dt><dd>{f.confidence}</dd></>}
                    <dd><span className={`${s.badge} ${s[f.status]}`}>{statusLabel(f.status, lang)}</span></dd>
                    {f.rejectionReason && <dd className={s.muted}>{fill(t.rejectionReason, { reason: t.presets[f.rejectionReason] ?? f.rejectionReason })}</dd>}
                  </dl>
                  <div className={s.actions}>
                    <button
                      type="button" className={`${s.btn} ${s.approve}`} disabled={busy || f.status === 'approved'}
                      onClick={() => act('approve', [itemOf(f)], undefined, () => next(index))} aria-label={fill(t.approveNextLabel, { id: f.id })}
                    >
                      {t.approveNext}
                    </button>
                    {reasonMenu(f.id, [itemOf(f)], fill(t.rejectLabel, { id: f.id }), t.reject, busy, index)}
                    <button type="button" className={s.btn} onClick={() => setEditing(editing === f.id ? null : f.id)} aria-expanded={editing === f.id} aria-label={fill(t.editLabel, { id: f.id })}>
                      {adminDictionary(lang).common.edit}
                    </button>
                  </div>
                  {editing === f.id && (
                    <FactEditor
                      fact={f}
                      options={options}
                      lang={lang}
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
        t={t}
        common={adminDictionary(lang).common}
        onCancel={() => setOtherReason(null)}
        onConfirm={(reason) => otherReason && act('reject', otherReason, reason, () => next(active))}
      />
    </div>
  );
}

function FactEditor({
  fact, options, onDone, onCancel, lang,
}: {
  fact: ReviewFact;
  options: PickerOptions;
  lang: Lang;
  onDone: (message: string, approved: boolean) => void;
  onCancel: () => void;
}) {
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<{ message: string; fieldErrors?: FieldErrors | undefined } | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const sending = useRef(false);
  const errors = clientErrors ?? failure?.fieldErrors;
  const { review: t, common } = adminDictionary(lang);
  return (
    <form
      className={s.editor}
      aria-label={fill(t.editLabel, { id: fact.id })}
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
        const problems = clientCheck(factUpdateSchema, fd, lang) ?? unmatchedPickers(e.currentTarget, lang);
        setClientErrors(problems);
        if (problems) return;
        sending.current = true;
        start(async () => {
          const res = await updateFact(null, fd);
          sending.current = false;
          if (res.ok) onDone(res.message ?? common.saved, approve);
          else setFailure({ message: res.message, fieldErrors: res.fieldErrors });
        });
      }}
    >
      <input type="hidden" name="id" value={fact.id} />
      <input type="hidden" name="version" value={fact.version} />
      <FactFields idPrefix={`f${fact.id}`} options={options} values={fact} errors={errors} autoFocusValue lang={lang} />
      {(clientErrors || failure) && <p className={s.alert} role="alert">{clientErrors ? common.notSaved : failure?.message}</p>}
      <div className={s.row} style={{ marginTop: 8 }}>
        <button type="submit" name="approveChoice" value="1" className={`${s.btn} ${s.approve}`} disabled={pending}>
          {pending ? common.saving : t.saveApprove}
        </button>
        <button type="submit" name="approveChoice" value="0" className={`${s.btn} ${s.primary}`} disabled={pending}>{t.saveOnly}</button>
        <button type="button" className={s.btn} onClick={onCancel}>{common.cancel}</button>
        <span className={s.muted}>{t.editorKeys}</span>
      </div>
    </form>
  );
}

function OtherReasonDialog({
  items, busy, onCancel, onConfirm, t, common,
}: { items: Item[] | null; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void; t: AdminDictionary['review']; common: AdminDictionary['common'] }) {
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
                setError(t.rejectReasonMissing);
                return;
              }
              onConfirm(reason.trim());
              setReason('');
            }}
          >
            <Heading slot="title">{fill(t.rejectTitle, { n: items?.length ?? 0 })}</Heading>
            <div className={s.field}>
              <label htmlFor="reject-reason">{t.rejectReasonField}</label>
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
              <button type="submit" className={`${s.btn} ${s.danger}`} disabled={busy}>{t.confirmReject}</button>
              <button type="button" className={s.btn} onClick={onCancel}>{common.cancel}</button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
