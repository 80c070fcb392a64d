// Awards and titles by year (五好园区 and others), each linked to the park and its source article.
import Link from 'next/link';
import type { RecognitionItem } from '@/lib/data/regions';
import { dictionary, fill, localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';

export function AwardsList({ awards, lang, highlightYear }: { awards: { year: number; items: RecognitionItem[] }[]; lang: Lang; highlightYear?: number | null }) {
  const t = dictionary(lang);
  if (awards.length === 0) return <p className="empty">{t.noData}</p>;
  return (
    <div>
      {awards.map((group) => {
        const subjects = new Set(group.items.map((i) => `${i.parkId ?? ''}:${i.regionId ?? ''}`));
        return (
          <section key={group.year} className="awards-year" aria-label={`${group.year}`} data-year={group.year}>
            <h3>
              {fill(t.overview.awardsOfYear, { year: group.year })}{' '}
              <span className="tag award">
                {subjects.size} {lang === 'zh' ? '个' : ''}
                {lang === 'zh' ? '获评单位' : 'awarded'}
              </span>
              {group.year === highlightYear ? null : null}
            </h3>
            <ul className="award-list">
              {group.items.map((a) => {
                const name = localName(lang, a.subjectName, a.subjectNameEn);
                const title = [a.evidence ? `“${a.evidence}”` : null, a.date ? `${t.provenance.issue} ${formatDate(a.date, lang)}` : null]
                  .filter(Boolean)
                  .join('\n');
                return (
                  <li key={a.id} title={title || undefined}>
                    <span className="award-badge" aria-hidden="true">
                      {lang === 'zh' ? '奖' : '★'}
                    </span>
                    <span>
                      {a.parkId ? <Link prefetch={false} href={`/parks/${a.parkId}`}>{name}</Link> : <strong>{name}</strong>}
                      <br />
                      <span className="award-title">
                        {a.title}
                        {a.articleId ? (
                          <>
                            {' · '}
                            <Link prefetch={false} href={`/articles/${a.articleId}`}>{t.provenance.open}</Link>
                          </>
                        ) : null}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
