// The metric catalogue: what is measured, in which unit, and how much reviewed data exists.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getMetricList } from '@/lib/data/metrics-view';
import { getDictionary } from '@/lib/i18n/server';
import { categoryLabel, localName } from '@/lib/i18n/dictionaries';
import { unitLabel } from '@/lib/i18n/format';
import { PageTitle } from '@/components/layout/page-title';
import { Pager, pageOf } from '@/components/layout/pager';
import { pageParam, type SearchParams } from '@/lib/i18n/params';

export const dynamic = 'force-dynamic';

/** Metrics per page, those with the most reviewed figures first (getMetricList's order). */
const METRICS_PAGE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.metrics.title };
}

export default async function MetricsIndexPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ t, lang }, metrics, sp] = await Promise.all([getDictionary(), getMetricList(), searchParams]);
  const withData = metrics.filter((m) => m.facts > 0).length;
  const { items, page } = pageOf(metrics, pageParam(sp), METRICS_PAGE);
  return (
    <main>
      <PageTitle title={t.metrics.title} subtitle={`${metrics.length} · ${withData} ${lang === 'zh' ? '个指标有已审核数据' : 'with reviewed figures'}`} />
      <section className="panel">
        <div className="table-wrap">
          <table className="data">
            <caption>{t.metrics.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.metric}</th>
                <th scope="col">{t.metrics.category}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.metrics.definition}</th>
                <th scope="col" className="n">
                  {t.overview.factsCount}
                </th>
                <th scope="col" className="n">
                  {t.year}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link prefetch={false} href={`/metrics/${m.key}`}>{localName(lang, m.nameZh, m.nameEn)}</Link>
                  </th>
                  <td>{categoryLabel(lang, m.category)}</td>
                  <td>{unitLabel(m.unit, lang)}</td>
                  <td className="muted" style={{ maxWidth: 380 }}>
                    {m.description ?? '—'}
                  </td>
                  <td className="n">{m.facts > 0 ? m.facts : <span className="no-data">{t.noData}</span>}</td>
                  <td className="n">{m.firstYear === null ? '—' : m.firstYear === m.lastYear ? m.firstYear : `${m.firstYear}–${m.lastYear}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager total={metrics.length} page={page} size={METRICS_PAGE} href={(n) => `/metrics?page=${n}`} lang={lang} />
      </section>
    </main>
  );
}
