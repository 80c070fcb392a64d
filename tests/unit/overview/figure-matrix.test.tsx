// The figure matrix shows the newest years and says where the older ones are: a subject reported
// for twenty years would otherwise make a page of megabytes.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildMatrixRows, FigureMatrix, hiddenRowsHref, MATRIX_YEARS, type MatrixSubject } from '@/components/overview/figure-matrix';
import { MATRIX_ROWS } from '@/lib/vocab/significance';
import type { SubjectFigure } from '@/lib/data/provenance';
import type { MetricRef } from '@/lib/vocab/shapes';

const metric = { id: 1, key: 'gdp', nameZh: '地区生产总值', nameEn: 'GDP', unit: 'CNY' } as unknown as MetricRef;
const subject: MatrixSubject = { key: 'p1', name: '湘潭经开区', nameEn: null, match: (f) => f.parkId === 1 };
// Figures with no cell shape needed beyond what the matrix reads; an old-only row (kind target) too.
const fig = (year: number, kind = 'actual') =>
  ({
    metricId: 1, parkId: 1, regionId: null, projectId: null, orgId: null, year, kind, period: null, value: '100000000', unit: 'CNY',
    comparator: 'eq', reports: 1, sources: 1, values: 1,
    latest: { factId: year, date: `${year}-05-19`, evidence: '（测试）', headline: '测试', articleId: 1, sourceNote: null },
  }) as unknown as SubjectFigure;

describe('figure matrix', () => {
  it('keeps every year when there are few', () => {
    const { years, olderYears } = buildMatrixRows([fig(2022), fig(2023)], [subject], [metric]);
    expect(years).toEqual([2022, 2023]);
    expect(olderYears).toBe(0);
  });

  it('shows the newest years only, drops rows that only have older ones, and counts the rest', () => {
    const figures = [...Array.from({ length: 20 }, (_, i) => fig(2006 + i)), fig(2007, 'target')];
    const { years, rows, olderYears } = buildMatrixRows(figures, [subject], [metric]);
    expect(years).toHaveLength(MATRIX_YEARS);
    expect(years[0]).toBe(2025 - MATRIX_YEARS + 1);
    expect(years.at(-1)).toBe(2025);
    expect(olderYears).toBe(20 - MATRIX_YEARS);
    expect(rows.map((r) => r.kind)).toEqual(['actual']);
    expect([...rows[0]!.cells.keys()].every((y) => y >= years[0]!)).toBe(true);
  });

  it('says how many older years there are and links to the explorer', () => {
    const figures = Array.from({ length: 20 }, (_, i) => fig(2006 + i));
    const html = renderToStaticMarkup(
      <FigureMatrix figures={figures} subjects={[subject]} metrics={[metric]} lang="zh" caption="x" moreHref="/explorer?park=1" />,
    );
    expect(html.match(/<th[^>]*scope="col"[^>]*class="n"/g)).toHaveLength(MATRIX_YEARS);
    expect(html).toContain(`只列出最近 ${MATRIX_YEARS} 年；另有更早 ${20 - MATRIX_YEARS} 年的数据。`);
    expect(html).toContain('href="/explorer?park=1"');
    const few = renderToStaticMarkup(<FigureMatrix figures={figures.slice(-3)} subjects={[subject]} metrics={[metric]} lang="en" caption="x" />);
    expect(few).not.toContain('data-older-years');
  });

  it('keeps the most significant rows (own subject, headline, actual, recent) and counts the rest', () => {
    const metrics = Array.from({ length: 40 }, (_, i) => ({ ...metric, id: i + 1, key: `m${i + 1}` }) as unknown as MetricRef);
    const park: MatrixSubject = { key: 'p2', name: '园区', nameEn: null, tier: 1, match: (f) => f.parkId === 2 };
    const region: MatrixSubject = { key: 'r1', name: '湘潭市', nameEn: null, match: (f) => f.regionId === 1 && f.parkId === null };
    const recent = MATRIX_ROWS - 5;
    const figures = [
      // The park: 40 metrics, all but the first `recent` last reported in 2020.
      ...metrics.map((m, i) => ({ ...fig(i < recent ? 2025 : 2020), metricId: m.id, parkId: 2 })),
      // The region's own: one figure.
      { ...fig(2021), metricId: 40, parkId: null, regionId: 1 },
    ] as SubjectFigure[];
    const { rows, hiddenRows } = buildMatrixRows(figures, [region, park], metrics, MATRIX_YEARS, { headline: [33] });
    expect(rows).toHaveLength(MATRIX_ROWS);
    expect(hiddenRows).toHaveLength(41 - MATRIX_ROWS);
    // Listed in the usual order (subject, then metric); the region's own row and the headline kept.
    expect(rows[0]!.subject.key).toBe('r1');
    expect(rows.some((r) => r.subject.key === 'p2' && r.metric.id === 33)).toBe(true);
    expect(rows.filter((r) => r.subject.key === 'p2' && r.metric.id <= recent)).toHaveLength(recent);
    expect(hiddenRows.every((r) => r.metric.id > recent && r.metric.id !== 33)).toBe(true);
    expect(hiddenRowsHref('/explorer?region=430300', 2016, hiddenRows)).toBe('/explorer?region=430300&yearFrom=2016&kind=actual&park=2');
    const html = renderToStaticMarkup(
      <FigureMatrix figures={figures} subjects={[region, park]} metrics={metrics} lang="zh" caption="x" moreHref="/explorer?region=430300" headline={[33]} />,
    );
    expect(html.match(/<tbody>.*<\/tbody>/s)?.[0].match(/<tr/g)).toHaveLength(MATRIX_ROWS);
    expect(html).toContain(`只列出 ${MATRIX_ROWS} 行（重点指标、实际数、最新数据优先）；另有 ${41 - MATRIX_ROWS} 行未列出。`);
    expect(html).toContain('href="/explorer?region=430300&amp;yearFrom=2020&amp;kind=actual&amp;park=2"');
  });
});
