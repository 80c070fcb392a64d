// 冲突与待归类 (admins): figures whose reports disagree, each report with its sentence and a button
// to keep it (the others are rejected with the reason); and the facts still unclassified, to be
// classified in the review queue. Nothing here reaches a dashboard until an admin acts.
import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { mergeEventReports, settleConflict, splitEventReport } from '@/lib/actions/figures';
import { listEventGroups } from '@/lib/data/event-review';
import { listConflicts, listUnclassified } from '@/lib/data/figure-review';
import { formatValue } from '@/lib/i18n/format';
import { kindLabel } from '@/lib/vocab/kinds';
import { NATURE_LABELS } from '@/lib/vocab/figure';
import { periodLabel } from '@/lib/vocab/periods';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '冲突与待归类 · 管理' };
export const dynamic = 'force-dynamic';

async function keepReport(form: FormData): Promise<void> {
  'use server';
  await settleConflict(form);
}

async function mergeReports(form: FormData): Promise<void> {
  'use server';
  await mergeEventReports(form);
}

async function splitReport(form: FormData): Promise<void> {
  'use server';
  await splitEventReport(form);
}

export default async function FiguresAdminPage() {
  await requireUser('admin');
  const [conflicts, unclassified, eventGroups] = await Promise.all([listConflicts(), listUnclassified(), listEventGroups()]);
  return (
    <>
      <div className={s.head}>
        <h1>数值冲突</h1>
        <span className={s.muted}>{conflicts.length} 个数字的报道数值不一致：保留正确的一条，其余驳回</span>
      </div>
      {conflicts.length === 0 ? (
        <p className={s.muted}>没有待裁定的冲突。</p>
      ) : (
        conflicts.map((c) => (
          <section key={c.figureId} className={s.card} aria-labelledby={`conflict-${c.figureId}`}>
            <h2 id={`conflict-${c.figureId}`}>
              {c.subject} · {c.metricName} · {c.year}年{c.period ? ` ${periodLabel(c.period, 'zh')}` : ''} · {kindLabel(c.kind, 'zh')}
              <span className={s.muted}> （{NATURE_LABELS[c.nature].zh}，{c.values} 个不同数值）</span>
            </h2>
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr><th>数值</th><th>刊期</th><th>原文</th><th></th></tr>
                </thead>
                <tbody>
                  {c.reports.map((r) => (
                    <tr key={r.factId}>
                      <td className={s.num}>{formatValue(r.value, r.unit, 'zh', r.comparator as 'eq').text}</td>
                      <td>{r.issueDate ?? '—'}</td>
                      <td>
                        {r.articleId ? <Link prefetch={false} href={`/articles/${r.articleId}?fact=${r.factId}#cited`}>{r.evidence ?? r.headline ?? `#${r.factId}`}</Link> : (r.sourceNote ?? `#${r.factId}`)}
                      </td>
                      <td>
                        <form action={keepReport}>
                          <input type="hidden" name="figureId" value={c.figureId} />
                          <input type="hidden" name="keepFactId" value={r.factId} />
                          <button type="submit" className={s.btn} aria-label={`保留 #${r.factId}`}>保留此条</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}

      <div className={s.head}>
        <h2>同一事件的报道</h2>
        <span className={s.muted}>
          事件类指标：数值相同、标签说的是同一件事、刊期相隔不超过 14 天的报道自动算作一个事件。两个事件其实是一个：勾选后合并；一条报道不属于它的事件：拆为单独事件
        </span>
      </div>
      {eventGroups.length === 0 ? (
        <p className={s.muted}>没有多次报道的事件。</p>
      ) : (
        eventGroups.map((g) => (
          <section key={g.key} className={s.card} aria-label={`${g.subject} ${g.metricName} ${g.year}年`}>
            <h3>
              {g.subject} · {g.metricName} · {g.year}年{g.period ? ` ${periodLabel(g.period, 'zh')}` : ''} · {kindLabel(g.kind, 'zh')}
              <span className={s.muted}> （{g.events} 个事件，{g.reports.length} 条报道）</span>
            </h3>
            <form action={mergeReports} id={`merge-${g.key}`} />
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr><th>选择</th><th>事件</th><th className={s.num}>数值</th><th>标签</th><th>刊期</th><th>原文</th><th></th></tr>
                </thead>
                <tbody>
                  {g.reports.map((r) => (
                    <tr key={r.factId}>
                      <td>
                        <input type="checkbox" name="factIds" value={r.factId} form={`merge-${g.key}`} aria-label={`选择 #${r.factId}`} />
                      </td>
                      <td>{r.figureId !== null ? `事件 ${r.figureId}` : '—'}</td>
                      <td className={s.num}>{formatValue(r.value, r.unit, 'zh', r.comparator as 'eq').text}</td>
                      <td>{r.label ?? '—'}</td>
                      <td>{r.issueDate ?? '—'}</td>
                      <td>
                        {r.articleId ? <Link prefetch={false} href={`/articles/${r.articleId}?fact=${r.factId}#cited`}>{r.evidence ?? `#${r.factId}`}</Link> : (r.sourceNote ?? `#${r.factId}`)}
                      </td>
                      <td>
                        <form action={splitReport}>
                          <input type="hidden" name="factId" value={r.factId} />
                          <button type="submit" className={s.btn} aria-label={`拆分 #${r.factId}`}>拆为单独事件</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="submit" form={`merge-${g.key}`} className={s.btn}>合并所选为同一事件</button>
          </section>
        ))
      )}

      <div className={s.head}>
        <h2>待归类</h2>
        <span className={s.muted}>
          {unclassified.total} 条数据尚未归入指标：不进入任何看板（只在分析页可见），在审核页改选指标即可
        </span>
      </div>
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead>
              <tr><th>编号</th><th>状态</th><th>提取标签</th><th className={s.num}>数值</th><th>主体</th><th>年份</th><th>原文</th></tr>
            </thead>
            <tbody>
              {unclassified.items.map((f) => (
                <tr key={f.id}>
                  <td>{f.articleId ? <Link prefetch={false} href={`/admin/articles/${f.articleId}#fact-${f.id}`}>#{f.id}</Link> : `#${f.id}`}</td>
                  <td>{f.status === 'approved' ? '已批准' : '待审'}</td>
                  <td>{f.label ?? '—'}</td>
                  <td className={s.num}>{formatValue(f.value, f.unit, 'zh').text}</td>
                  <td>{f.subject ?? '—'}</td>
                  <td>{f.year ?? '—'}</td>
                  <td>{f.evidence ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
