import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listMetrics } from '@/lib/data/catalog';
import { DeleteButton, MergeMetricsForm, MetricForm } from '@/components/admin/catalog-forms';
import { adminDictionary } from '@/lib/i18n/admin';
import { categoryLabel, fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.metrics };
}
export const dynamic = 'force-dynamic';

export default async function MetricsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  const [metrics, options, lang] = await Promise.all([listMetrics(), getPickerOptions(), getLang()]);
  const { catalog: c, common } = adminDictionary(lang);
  const editing = metrics.find((m) => String(m.id) === edit) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>{c.metricsTitle}</h1>
        <span className={s.muted}>{fill(c.metricsCount, { n: metrics.length })} · <Link href="/admin/metrics">{common.create}</Link></span>
      </div>
      <MetricForm metric={editing} lang={lang} />
      <MergeMetricsForm options={options.metrics} lang={lang} />
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead>
              <tr><th>{common.code}</th><th>{c.colName}</th><th className={s.hideSm}>{c.colEn}</th><th>{c.colUnit}</th><th className={s.hideSm}>{c.colType}</th><th className={s.hideSm}>{c.colAggregation}</th><th className={s.hideSm}>{c.colCategory}</th><th className={s.num}>{common.facts}</th><th></th></tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.id}>
                  <td><code>{m.key}</code></td>
                  <td>{m.nameZh}{m.mergedInto && <span className={s.muted}>{fill(common.mergedInto, { name: m.mergedInto })}</span>}</td>
                  <td className={s.hideSm}>{m.nameEn}</td>
                  <td>{m.unit}</td>
                  <td className={s.hideSm}>{c.valueTypes[m.valueType] ?? m.valueType}</td>
                  <td className={s.hideSm}>{c.aggregations[m.aggregation] ?? m.aggregation}</td>
                  <td className={s.hideSm}>{categoryLabel(lang, m.category)}</td>
                  <td className={s.num}>{m.facts}</td>
                  <td><div className={s.row}>
                    <Link href={`/admin/metrics?edit=${m.id}`} className={s.btn}>{common.edit}</Link>
                    <DeleteButton kind="metric" id={m.id} label={m.nameZh} lang={lang} />
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
