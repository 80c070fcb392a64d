// An article as printed, with its provenance header; `?fact=<id>` highlights the sentence that
// figure was taken from and scrolls to it. Viewers and analysts see approved figures only.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth';
import { getArticleWithFacts } from '@/lib/data/provenance';
import { getDictionary } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/dictionaries';
import { formatDate, formatValue } from '@/lib/i18n/format';
import { idParam, type SearchParams } from '@/lib/i18n/params';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { ArticleBody } from '@/components/provenance/article-body';
import { ScrollToCited } from '@/components/provenance/scroll-to-cited';
import { RevisionNote } from '@/components/provenance/revision-note';
import { getFactRevisions } from '@/lib/data/fact-versions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParam((await params).id);
  const a = id ? await getArticleWithFacts(id, { includeDrafts: false }) : null;
  return { title: a?.headline ?? '—' };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const id = idParam((await params).id);
  if (id === undefined) notFound();
  const [user, { t, lang }, sp] = await Promise.all([requireUser('viewer'), getDictionary(), searchParams]);
  const article = await getArticleWithFacts(id, { includeDrafts: user.role === 'admin' });
  if (!article) notFound();
  // Figures changed after approval say so, with the value before one click away.
  const revisions = await getFactRevisions(article.facts.filter((f) => f.status === 'approved').map((f) => f.id));
  const factId = idParam(sp.fact);
  const cited = factId === undefined ? null : (article.facts.find((f) => f.id === factId) ?? null);
  const pub = localName(lang, article.issue.publication, article.issue.publicationEn);
  return (
    <main>
      <div className="article">
        <Breadcrumb items={[{ label: t.nav.overview, href: '/' }, { label: article.headline }]} label={t.breadcrumb} />
        <header className="provenance-head" aria-label={t.provenance.publication}>
          <dl className="meta">
            <dt>{t.provenance.publication}</dt>
            <dd>{pub}</dd>
            <dt>{t.provenance.issue}</dt>
            <dd>
              <time dateTime={article.issue.date}>{formatDate(article.issue.date, lang)}</time>
            </dd>
            {article.issue.page ? (
              <>
                <dt>{t.provenance.page}</dt>
                <dd>{lang === 'zh' ? `第${article.issue.page}版` : article.issue.page}</dd>
              </>
            ) : null}
            {article.byline ? (
              <>
                <dt>{t.provenance.byline}</dt>
                <dd>{article.byline}</dd>
              </>
            ) : null}
          </dl>
        </header>
        {article.subheadline ? <p className="muted">{article.subheadline}</p> : null}
        <h1>{article.headline}</h1>
        {cited ? (
          <aside className="panel" aria-label={t.provenance.cited} style={{ borderLeft: '4px solid #f2d46b' }}>
            <strong>{t.provenance.cited}</strong>
            {' · '}
            {localName(lang, cited.metricName, cited.metricNameEn)}
            {cited.subjectName ? ` · ${localName(lang, cited.subjectName, cited.subjectNameEn)}` : ''}
            {cited.year ? ` · ${cited.year}` : ''}
            {' · '}
            <span title={formatValue(cited.value, cited.unit, lang, cited.comparator).exact}>
              <strong>{formatValue(cited.value, cited.unit, lang, cited.comparator).text}</strong>
            </span>
            <RevisionNote revision={revisions[cited.id]} lang={lang} />
            {cited.kind !== 'actual' ? <span className="tag" style={{ marginLeft: 6 }}>{t.kind[cited.kind]}</span> : null}
            {cited.status === 'draft' ? <span className="tag draft" style={{ marginLeft: 6 }}>{t.provenance.draft}</span> : null}
            {' · '}
            <a href="#cited">{t.provenance.quote} ↓</a>
          </aside>
        ) : null}
        <ArticleBody body={article.body} facts={article.facts} citedFact={cited} />
        <ScrollToCited factId={cited?.id ?? null} />
        {article.facts.length > 0 ? (
          <section className="panel" aria-labelledby="facts-h" style={{ marginTop: 16 }}>
            <div className="panel-head">
              <h2 id="facts-h">{t.provenance.factsInArticle}</h2>
            </div>
            <div className="table-wrap">
              <table className="data">
                <caption>{article.headline}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.metric}</th>
                    <th scope="col">{t.subject}</th>
                    <th scope="col" className="n">
                      {t.year}
                    </th>
                    <th scope="col" className="n">
                      {t.value}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {article.facts.map((f) => {
                    const v = formatValue(f.value, f.unit, lang, f.comparator);
                    return (
                      <tr key={f.id} aria-current={f.id === cited?.id ? 'true' : undefined} style={f.id === cited?.id ? { background: '#fff8db' } : undefined}>
                        <td>
                          <Link prefetch={false} href={`/articles/${article.id}?fact=${f.id}#cited`}>{localName(lang, f.metricName, f.metricNameEn)}</Link>
                          {f.kind !== 'actual' ? <span className="tag" style={{ marginLeft: 6 }}>{t.kind[f.kind]}</span> : null}
                          {f.status === 'draft' ? <span className="tag draft" style={{ marginLeft: 6 }}>{t.provenance.draft}</span> : null}
                        </td>
                        <td>{f.subjectName ? localName(lang, f.subjectName, f.subjectNameEn) : '—'}</td>
                        <td className="n">{f.year ?? '—'}</td>
                        <td className="n" title={v.exact}>
                          {v.text}
                          <RevisionNote revision={revisions[f.id]} lang={lang} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </div>
    </main>
  );
}
