// Which catalogue metrics are the indicators of each 五好 dimension, in order (/scorecard reads it).
import Link from 'next/link';
import type { Metadata } from 'next';
import { getScorecardAdmin } from '@/lib/data/scorecard';
import { DimensionEditor } from '@/components/admin/scorecard-forms';
import type { ScorecardAdminView } from '@/lib/data/scorecard';
import { categoryLabel } from '@/lib/i18n/dictionaries';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '五好评价指标 · 管理' };
export const dynamic = 'force-dynamic';

/** Choices for a dimension: unassigned metrics by category, then metrics of other dimensions (moved when chosen). */
function choicesFor(view: ScorecardAdminView, dimensionId: number): { id: number; label: string; group: string }[] {
  const free = view.unassigned.map((m) => ({ id: m.id, label: `${m.nameZh}（${m.key}）`, group: `未入选 · ${categoryLabel('zh', m.category)}` }));
  const others = view.dimensions
    .filter((d) => d.id !== dimensionId)
    .flatMap((d) => d.indicators.map((i) => ({ id: i.metricId, label: `${i.nameZh}（现属${d.nameZh}）`, group: `从${d.nameZh}移来` })));
  return [...free, ...others];
}

export default async function ScorecardAdminPage() {
  const view = await getScorecardAdmin();
  const total = view.dimensions.reduce((n, d) => n + d.indicators.length, 0);
  return (
    <>
      <div className={s.head}>
        <h1>五好评价指标</h1>
        <span className={s.muted}>
          {view.dimensions.length} 个维度 · {total} 项指标 · <Link href="/scorecard">查看五好评价</Link>
        </span>
      </div>
      <p className={s.muted}>每项指标只属于一个维度；从其他维度选择即为移动。每次调整都记入审计日志。</p>
      {view.dimensions.map((d) => (
        <DimensionEditor key={d.id} dimension={d} choices={choicesFor(view, d.id)} />
      ))}
    </>
  );
}
