// Long lists (targets of a year, the metric catalogue) are shown a page at a time: the page says
// which items out of how many, and links to the others.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Pager, pageOf } from '@/components/layout/pager';

describe('pager', () => {
  it('slices a page and clamps out-of-range pages', () => {
    const items = Array.from({ length: 95 }, (_, i) => i);
    expect(pageOf(items, 1, 40).items).toEqual(items.slice(0, 40));
    expect(pageOf(items, 3, 40)).toMatchObject({ items: items.slice(80), page: 3, pages: 3 });
    expect(pageOf(items, 9, 40).page).toBe(3);
    expect(pageOf([], 2, 40)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it('says the range and links to the neighbouring pages; nothing for a single page', () => {
    const html = renderToStaticMarkup(<Pager total={95} page={2} size={40} href={(n) => `/targets?year=2025&page=${n}`} lang="zh" />);
    expect(html).toContain('第 41–80 项，共 95 项');
    expect(html).toContain('href="/targets?year=2025&amp;page=1"');
    expect(html).toContain('href="/targets?year=2025&amp;page=3"');
    const last = renderToStaticMarkup(<Pager total={95} page={3} size={40} href={(n) => `/x?page=${n}`} lang="en" />);
    expect(last).toContain('81–95 of 95');
    expect(last).not.toContain('rel="next"');
    expect(renderToStaticMarkup(<Pager total={40} page={1} size={40} href={(n) => `/x?page=${n}`} lang="zh" />)).toBe('');
  });
});
