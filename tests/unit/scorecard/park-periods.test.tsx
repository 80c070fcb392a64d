// The park page lists its newest periods and links to the explorer for the rest: a park reported
// for twenty years has hundreds of periods (megabytes of rows on one page at the synthetic scale).
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ParkPeriods, PARK_PERIODS_SHOWN, periodRowsHref } from '@/components/scorecard/park-periods';
import { PERIOD_ROWS } from '@/lib/vocab/significance';
import type { PeriodGroup } from '@/lib/scorecard/shape';
import type { SubjectFigure } from '@/lib/data/provenance';

const groups = (n: number): PeriodGroup<SubjectFigure>[] =>
  Array.from({ length: n }, (_, i) => ({ year: 2025 - Math.floor(i / 2), period: i % 2 ? 'H1' : '', figures: [] }));

const render = (n: number, moreHref?: string) =>
  renderToStaticMarkup(<ParkPeriods groups={groups(n)} metrics={[]} parkName="湘潭经开区" lang="zh" moreHref={moreHref} />);

describe('ParkPeriods', () => {
  it('shows every period when there are few', () => {
    const html = render(3, '/explorer?park=7');
    expect(html.match(/data-period=/g)).toHaveLength(3);
    expect(html).not.toContain('data-periods-hidden');
  });

  it('shows the newest periods and links to the explorer for the rest', () => {
    const html = render(PARK_PERIODS_SHOWN + 5, '/explorer?park=7');
    expect(html.match(/data-period=/g)).toHaveLength(PARK_PERIODS_SHOWN);
    expect(html).toContain('data-period="2025:"');
    expect(html).not.toContain(`data-period="${2025 - Math.floor((PARK_PERIODS_SHOWN + 4) / 2)}:`);
    expect(html).toContain('另有 5 个更早的报告期未列出。');
    expect(html).toContain('href="/explorer?park=7"');
  });

  it('says how many are hidden in English too', () => {
    const html = renderToStaticMarkup(<ParkPeriods groups={groups(20)} metrics={[]} parkName="Xiangtan EDZ" lang="en" />);
    expect(html).toContain('12 earlier periods are not listed.');
  });

  it('lists the most significant rows of a busy period and links to the rest', () => {
    // 3 kinds of 10 metrics in 2025: headline metric 7 first, then actuals, larger numbers of reports first.
    const figures = Array.from({ length: 30 }, (_, i) => ({
      metricId: (i % 10) + 1, metricKey: `m${(i % 10) + 1}`, kind: (['actual', 'target', 'forecast'] as const)[Math.floor(i / 10)],
      parkId: 7, regionId: null, projectId: null, orgId: null, year: 2025, period: null, value: '1', unit: 'CNY', comparator: 'eq',
      event: '', reports: 1, sources: 1, values: 1, events: [],
      latest: { factId: i + 1, articleId: 1, date: '2025-05-19', headline: 'x', evidence: null, sourceNote: null },
    })) as unknown as SubjectFigure[];
    const html = renderToStaticMarkup(
      <ParkPeriods groups={[{ year: 2025, period: '', figures }]} metrics={[]} parkName="湘潭经开区" lang="zh" moreHref="/explorer?park=7" headline={[7]} />,
    );
    expect(html.match(/<tr/g)).toHaveLength(PERIOD_ROWS + 1);
    const metricsListed = [...html.matchAll(/<th scope="row">(m\d+)<\/th>/g)].map((m) => m[1]);
    expect(metricsListed.slice(0, 3)).toEqual(['m7', 'm7', 'm7']);
    expect(metricsListed.slice(3, 10)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm8']);
    expect(html).toContain(`本期只列出 ${PERIOD_ROWS} 项（重点指标、实际数优先）；另有 ${30 - PERIOD_ROWS} 项未列出。`);
    expect(html).toContain(`data-rows-hidden="${30 - PERIOD_ROWS}"`);
    expect(html).toContain('href="/explorer?park=7&amp;yearFrom=2025&amp;yearTo=2025"');
  });

  it('narrows the explorer link to the metric and kind every row left out shares', () => {
    expect(periodRowsHref('/explorer?park=7', 2024, [{ metricKey: 'a', kind: 'target' }, { metricKey: 'a', kind: 'target' }])).toBe(
      '/explorer?park=7&yearFrom=2024&yearTo=2024&metric=a&kind=target',
    );
    expect(periodRowsHref('/explorer?park=7', 2024, [{ metricKey: 'a', kind: 'target' }, { metricKey: 'b', kind: 'target' }])).toBe(
      '/explorer?park=7&yearFrom=2024&yearTo=2024&kind=target',
    );
  });

  it('counts the periods not read when given the total', () => {
    const html = renderToStaticMarkup(<ParkPeriods groups={groups(PARK_PERIODS_SHOWN)} total={40} metrics={[]} parkName="x" lang="zh" />);
    expect(html).toContain(`另有 ${40 - PARK_PERIODS_SHOWN} 个更早的报告期未列出。`);
  });
});
