// The figure matrix shows the newest years and says where the older ones are: a subject reported
// for twenty years would otherwise make a page of megabytes.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildMatrixRows, FigureMatrix, MATRIX_YEARS, type MatrixSubject } from '@/components/overview/figure-matrix';
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
});
