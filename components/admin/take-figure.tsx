'use client';
// Take a figure the extractor missed: select it in the article text and a panel proposes the
// fact as the extractor reads it there (value, unit, comparator, kind, year, subject, metric),
// with its paragraph and the mentions it was read from marked. Check, then 保存并通过 (Enter)
// or 保存为待审. The selection's offsets are body offsets: the body is rendered as exact slices.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { proposeFigure, type FigureProposal } from '@/lib/actions/article-facts';
import { createArticleFact } from '@/lib/actions/facts';
import type { PickerOptions } from '@/lib/data/catalog';
import { articleFactSchema } from '@/lib/validations/facts';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { FactFields } from './fact-fields';
import { clientCheck, unmatchedPickers, type FieldErrors } from './form-utils';
import { ContextParagraph } from './review-context';
import s from './admin.module.css';
import r from './review.module.css';

/** The selection as [start, end) offsets into the text of `root`, or null when it is not inside. */
function selectionIn(root: HTMLElement): [number, number] | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? [start, end] : null;
}

export function TakeFigure({ articleId, options, children, lang = 'zh' }: { articleId: number; options: PickerOptions; children: ReactNode; lang?: Lang }) {
  const router = useRouter();
  const { take: t, common } = adminDictionary(lang);
  const bodyRef = useRef<HTMLElement>(null);
  const [proposal, setProposal] = useState<(FigureProposal & { key: string }) | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string; id?: number } | null>(null);
  const [reading, startReading] = useTransition();
  const [saving, startSaving] = useTransition();
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const sending = useRef(false);
  const last = useRef('');
  // Selections are read from here on (browser tests wait for this before selecting).
  useEffect(() => bodyRef.current?.setAttribute('data-ready', ''), []);

  function read(): void {
    const root = bodyRef.current;
    if (!root) return;
    const span = selectionIn(root);
    if (!span || span[1] - span[0] > 400) return;
    const k = span.join('-');
    if (k === last.current) return;
    last.current = k;
    startReading(async () => {
      const res = await proposeFigure({ articleId, start: span[0], end: span[1] });
      if (res.ok && res.data) {
        setProposal({ ...res.data, key: crypto.randomUUID() });
        setNote(null);
        setErrors(null);
      } else if (!res.ok) {
        setNote({ ok: false, text: res.message });
      }
    });
  }

  return (
    <div className={r.articleLayout}>
      <article ref={bodyRef} className={`${s.card} ${s.body}`} onMouseUp={read} onKeyUp={read} aria-describedby="take-hint">
        {children}
      </article>
      <aside className={`${s.card} ${r.take}`} aria-label={t.title}>
        <h2>{t.title}</h2>
        <p id="take-hint" className={s.muted}>{t.hint}</p>
        <div role="status" aria-live="polite">
          {reading && <p className={s.muted}>{t.reading}</p>}
          {note && (
            <p className={note.ok ? s.notice : s.alert}>
              {note.text}
              {note.id && <> <Link href={`/admin/review?status=all#fact-${note.id}`}>{fill(t.viewInReview, { id: note.id })}</Link></>}
            </p>
          )}
        </div>
        {proposal && (
          <form
            key={proposal.key}
            aria-label={t.form}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (sending.current) return;
              const fd = new FormData(e.currentTarget);
              const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              fd.set('status', submitter?.value === 'draft' ? 'draft' : 'approved');
              const problems = clientCheck(articleFactSchema, fd, lang) ?? unmatchedPickers(e.currentTarget, lang);
              setErrors(problems);
              if (problems) return;
              sending.current = true;
              startSaving(async () => {
                const res = await createArticleFact(null, fd);
                sending.current = false;
                if (res.ok) {
                  setNote({ ok: true, text: res.message ?? common.saved, id: res.data?.id });
                  setProposal(null);
                  last.current = '';
                  window.getSelection()?.removeAllRanges();
                  router.refresh();
                } else {
                  setErrors(res.fieldErrors ?? null);
                  setNote({ ok: false, text: res.message });
                }
              });
            }}
          >
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="spanStart" value={proposal.span[0]} />
            <input type="hidden" name="spanEnd" value={proposal.span[1]} />
            <input type="hidden" name="submissionKey" value={proposal.key} />
            <p className={s.muted} style={{ margin: '0 0 4px' }}>
              {t.raw}<mark className={r.markFigure}>{proposal.raw}</mark>
              {proposal.metricId === null && proposal.metricLabel ? fill(t.label, { label: proposal.metricLabel }) : ''}
            </p>
            <ContextParagraph
              context={{
                paragraph: proposal.paragraph,
                marks: proposal.marks.map((m) => ({ start: m.start, end: m.end, kind: m.kind })),
                sentence: [0, proposal.paragraph.length],
                outside: [],
              }}
              lang={lang}
            />
            {proposal.existing.length > 0 && (
              <p className={r.same}>{fill(t.existing, { ids: proposal.existing.map((id) => `#${id}`).join(common.listSep) })}</p>
            )}
            <div style={{ marginTop: 8 }}>
              <FactFields
                idPrefix="take"
                options={options}
                errors={errors ?? undefined}
                autoFocusValue
                lang={lang}
                values={{
                  metricId: proposal.metricId, parkId: proposal.parkId, regionId: proposal.regionId, projectId: proposal.projectId, orgId: proposal.orgId,
                  orgName: proposal.projectId !== null || proposal.orgId !== null ? null : proposal.orgName,
                  year: proposal.year, period: proposal.period, kind: proposal.kind, comparator: proposal.comparator,
                  value: '', unit: '', valueText: proposal.valueText, unitText: proposal.unitText, subjectType: proposal.subjectType,
                }}
              />
            </div>
            {errors && <p className={s.alert} role="alert">{common.notSaved}</p>}
            <div className={s.row} style={{ marginTop: 8 }}>
              <button type="submit" value="approved" className={`${s.btn} ${s.approve}`} disabled={saving}>{saving ? common.saving : t.saveApprove}</button>
              <button type="submit" value="draft" className={s.btn} disabled={saving}>{t.saveDraft}</button>
              <button type="button" className={s.btn} onClick={() => setProposal(null)}>{common.cancel}</button>
            </div>
          </form>
        )}
      </aside>
    </div>
  );
}
