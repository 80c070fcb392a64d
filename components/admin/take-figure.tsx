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

export function TakeFigure({ articleId, options, children }: { articleId: number; options: PickerOptions; children: ReactNode }) {
  const router = useRouter();
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
      <aside className={`${s.card} ${r.take}`} aria-label="从原文录入">
        <h2>从原文录入</h2>
        <p id="take-hint" className={s.muted}>在正文中选中一个漏提取的数字，这里会按提取器的读法填好；核对后保存。</p>
        <div role="status" aria-live="polite">
          {reading && <p className={s.muted}>正在读取所选文字…</p>}
          {note && (
            <p className={note.ok ? s.notice : s.alert}>
              {note.text}
              {note.id && <> <Link href={`/admin/review?status=all#fact-${note.id}`}>在审核中查看 #{note.id}</Link></>}
            </p>
          )}
        </div>
        {proposal && (
          <form
            key={proposal.key}
            aria-label="从原文录入的数据"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (sending.current) return;
              const fd = new FormData(e.currentTarget);
              const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              fd.set('status', submitter?.value === 'draft' ? 'draft' : 'approved');
              const problems = clientCheck(articleFactSchema, fd) ?? unmatchedPickers(e.currentTarget);
              setErrors(problems);
              if (problems) return;
              sending.current = true;
              startSaving(async () => {
                const res = await createArticleFact(null, fd);
                sending.current = false;
                if (res.ok) {
                  setNote({ ok: true, text: res.message ?? '已保存', id: res.data?.id });
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
              原文：<mark className={r.markFigure}>{proposal.raw}</mark>
              {proposal.metricId === null && proposal.metricLabel ? ` · 提取器的标签：${proposal.metricLabel}` : ''}
            </p>
            <ContextParagraph
              context={{
                paragraph: proposal.paragraph,
                marks: proposal.marks.map((m) => ({ start: m.start, end: m.end, kind: m.kind })),
                sentence: [0, proposal.paragraph.length],
                outside: [],
              }}
            />
            {proposal.existing.length > 0 && (
              <p className={r.same}>这段文字已有数据：{proposal.existing.map((id) => `#${id}`).join('、')}（再保存会新增一条）</p>
            )}
            <div style={{ marginTop: 8 }}>
              <FactFields
                idPrefix="take"
                options={options}
                errors={errors ?? undefined}
                autoFocusValue
                values={{
                  metricId: proposal.metricId, parkId: proposal.parkId, regionId: proposal.regionId, projectId: proposal.projectId, orgId: proposal.orgId,
                  orgName: proposal.projectId !== null || proposal.orgId !== null ? null : proposal.orgName,
                  year: proposal.year, period: proposal.period, kind: proposal.kind, comparator: proposal.comparator,
                  value: '', unit: '', valueText: proposal.valueText, unitText: proposal.unitText, subjectType: proposal.subjectType,
                }}
              />
            </div>
            {errors && <p className={s.alert} role="alert">未保存：请检查标出的字段</p>}
            <div className={s.row} style={{ marginTop: 8 }}>
              <button type="submit" value="approved" className={`${s.btn} ${s.approve}`} disabled={saving}>{saving ? '保存中…' : '保存并通过'}</button>
              <button type="submit" value="draft" className={s.btn} disabled={saving}>保存为待审</button>
              <button type="button" className={s.btn} onClick={() => setProposal(null)}>取消</button>
            </div>
          </form>
        )}
      </aside>
    </div>
  );
}
