// Articles that mention a place, newest first, with how many of its figures each holds.
import Link from 'next/link';
import type { ArticleLink } from '@/lib/data/regions';
import { dictionary, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';

export function ArticleLinks({ articles, lang }: { articles: ArticleLink[]; lang: Lang }) {
  const t = dictionary(lang);
  if (articles.length === 0) return <p className="empty">{t.noData}</p>;
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.id}>
          <span>
            <Link prefetch={false} href={`/articles/${a.id}`}>{a.headline}</Link>
            <br />
            <span className="muted" style={{ fontSize: '.82rem' }}>
              {a.publication} · {formatDate(a.date, lang)}
            </span>
          </span>
          {a.figures > 0 ? <span className="facts-count">{a.figures} {lang === 'zh' ? '条数据' : 'figures'}</span> : null}
        </li>
      ))}
    </ul>
  );
}
