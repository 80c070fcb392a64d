// A long list shown a page at a time (?page=N in the URL): which items are listed out of how many,
// and links to the previous and next page. The range is plain text, so a printed page says it too.
import Link from 'next/link';
import { dictionary, fill, type Lang } from '@/lib/i18n/dictionaries';

/** The items of page `page` (1-based, clamped to the last page) and the page actually shown. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

export function Pager({ total, page, size, href, lang }: { total: number; page: number; size: number; href: (page: number) => string; lang: Lang }) {
  const t = dictionary(lang).pager;
  if (total <= size) return null;
  const pages = Math.ceil(total / size);
  const from = (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <div className="pager" data-pages={pages}>
      <p className="panel-note">{fill(t.range, { from, to, total })}</p>
      <nav aria-label={t.label} className="pager-links">
        {page > 1 ? (
          <Link prefetch={false} href={href(page - 1)} rel="prev">
            ‹ {t.prev}
          </Link>
        ) : null}
        {page < pages ? (
          <Link prefetch={false} href={href(page + 1)} rel="next">
            {t.next} ›
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
