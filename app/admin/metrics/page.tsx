import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listMetrics } from '@/lib/data/catalog';
import { DeleteButton, MergeMetricsForm, MetricForm } from '@/components/admin/catalog-forms';
import { AGGREGATION_LABELS, VALUE_TYPE_LABELS } from '@/lib/validations/metrics';
import { categoryLabel } from '@/lib/i18n/dictionaries';
import s from '@/components/admin/admin.module.css';

export const metadata: Metadata = { title: '指标 · 管理' };
export const dynamic = 'force-dynamic';

export default async function MetricsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  const [metrics, options] = await Promise.all([listMetrics(), getPickerOptions()]);
  const editing = metrics.find((m) => String(m.id) === edit) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>指标目录</h1>
        <span className={s.muted}>{metrics.length} 个指标 · <Link href="/admin/metrics">新建</Link></span>
      </div>
      <MetricForm metric={editing} />
      <MergeMetricsForm options={options.metrics} />
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead>
              <tr><th>代码</th><th>名称</th><th className={s.hideSm}>英文</th><th>单位</th><th className={s.hideSm}>类型</th><th className={s.hideSm}>汇总</th><th className={s.hideSm}>分类</th><th className={s.num}>数据</th><th></th></tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.id}>
                  <td><code>{m.key}</code></td>
                  <td>{m.nameZh}{m.mergedInto && <span className={s.muted}>（已合并到 {m.mergedInto}）</span>}</td>
                  <td className={s.hideSm}>{m.nameEn}</td>
                  <td>{m.unit}</td>
                  <td className={s.hideSm}>{VALUE_TYPE_LABELS[m.valueType]}</td>
                  <td className={s.hideSm}>{AGGREGATION_LABELS[m.aggregation]}</td>
                  <td className={s.hideSm}>{categoryLabel('zh', m.category)}</td>
                  <td className={s.num}>{m.facts}</td>
                  <td><div className={s.row}>
                    <Link href={`/admin/metrics?edit=${m.id}`} className={s.btn}>编辑</Link>
                    <DeleteButton kind="metric" id={m.id} label={m.nameZh} />
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
