// The park page lists its newest periods and links to the explorer for the rest: a park reported
// for twenty years has hundreds of periods (megabytes of rows on one page at the synthetic scale).
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ParkPeriods, PARK_PERIODS_SHOWN } from '@/components/scorecard/park-periods';
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
});
