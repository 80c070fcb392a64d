// One target and its delivery: the target as announced (every report of it), then each actual
// reported for the same figure with what it covers ("截至6月") and how far it got, every one with
// its sentence and a link to the article. Figures of the same subject, metric and year that cannot
// be compared (a lone quarter, another unit) are listed apart, with the reason.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getTargetTimeline, type TimelineReport } from '@/lib/data/targets';
import { getDictionary } from '@/lib/i18n/server';
import { localName, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';
import { idParam } from '@/lib/i18n/params';
import { coverageLabel, periodWords, promisesDictionary } from '@/lib/i18n/promises';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { PageTitle } from '@/components/layout/page-title';
import { SourcedValueLink } from '@/components/provenance/sourced-value';
import { ProgressMeter } from '@/components/targets/progress-meter';
import '@/components/targets/targets.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParam((await params).id);
  const view = id ? await getTargetTimeline(id) : null;
  return { title: view ? `${view.subject.name} · ${view.metric.nameZh} · ${view.year}` : '—' };
}

function Report({ r, lang, isTarget }: { r: TimelineReport; lang: Lang; isTarget: boolean }) {
  const p = promisesDictionary(lang);
  const when = r.source.date ? formatDate(r.source.date, lang) : r.source.sourceNote ? '—' : '—';
  const period = periodWords(r.period, lang);
  return (
    <li className={isTarget ? 'is-target' : undefined} data-fact={r.factId}>
      <div className="when">
        {p.issueDate} {when}
        {r.source.headline ? ` · 《${r.source.headline}》` : ''}
      </div>
      <div className="what">
        <strong>{isTarget ? p.target : p.actual}</strong>
        {period ? <span className="tag">{period}</span> : null}
        <span className="num">
          <SourcedValueLink point={{ value: r.value, unit: r.unit, comparator: r.comparator, reports: 1, sources: 1, latest: r.source }} lang={lang} showReports={false} />
        </span>
        {r.progress ? <ProgressMeter progress={r.progress} lang={lang} /> : null}
      </div>
      {r.source.evidence || r.source.sourceNote ? (
        <blockquote cite={r.source.articleId !== null ? `/articles/${r.source.articleId}` : undefined}>
          “{r.source.evidence ?? r.source.sourceNote}”
        </blockquote>
      ) : null}
    </li>
  );
}

export default async function TargetPage({ params }: Props) {
  const id = idParam((await params).id);
  if (id === undefined) notFound();
  const [{ t, lang }, view] = await Promise.all([getDictionary(), getTargetTimeline(id)]);
  if (!view) notFound();
  const p = promisesDictionary(lang);
  const metricName = localName(lang, view.metric.nameZh, view.metric.nameEn);
  const subjectName = localName(lang, view.subject.name, view.subject.nameEn);
  const title = p.timelineOf.replace('{subject}', subjectName).replace('{year}', String(view.year)).replace('{metric}', metricName);
  const latest = view.latest;
  return (
    <main>
      <Breadcrumb
        items={[{ label: t.nav.overview, href: `/?year=${view.year}` }, { label: p.targetsOfYear.replace('{year}', String(view.year)), href: `/targets?year=${view.year}` }, { label: title }]}
        label={t.breadcrumb}
      />
      <PageTitle
        title={title}
        subtitle={
          <>
            {view.subject.href ? <Link prefetch={false} href={view.subject.href}>{subjectName}</Link> : subjectName}
            {' · '}
            <Link prefetch={false} href={`/metrics/${view.metric.key}`}>{metricName}</Link>
          </>
        }
      />
      <section className="panel" aria-labelledby="progress-h">
        <div className="panel-head">
          <h2 id="progress-h">{p.progress}</h2>
        </div>
        <div className="promise-row">
          <span className="label">{p.target}</span>
          <span className="promise-target">
            <SourcedValueLink point={{ value: view.target.value, unit: view.target.unit, comparator: view.target.comparator, reports: 1, sources: 1, latest: view.target.source }} lang={lang} showReports={false} />
          </span>
          {view.target.period ? <span className="tag">{periodWords(view.target.period, lang)}</span> : null}
        </div>
        {latest?.progress ? (
          <div className="promise-row" style={{ marginTop: 8 }}>
            <span className="label">{p.actual}</span>
            <span className="promise-target">
              <SourcedValueLink point={{ value: latest.value, unit: latest.unit, comparator: latest.comparator, reports: 1, sources: 1, latest: latest.source }} lang={lang} showReports={false} />
            </span>
            <span>{coverageLabel(latest.progress.coverage, lang, (d) => formatDate(d, lang))}</span>
            <ProgressMeter progress={latest.progress} lang={lang} />
          </div>
        ) : (
          <p className="promise-row" style={{ marginTop: 8 }}>
            <span className="tag promise-none">{p.noActual}</span>
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="timeline-h" style={{ marginTop: 16 }}>
        <div className="panel-head">
          <h2 id="timeline-h">{p.timeline}</h2>
        </div>
        <h3>{p.reports}</h3>
        <ol className="timeline" aria-label={p.reports}>
          {view.targetReports.map((r) => (
            <Report key={r.factId} r={r} lang={lang} isTarget />
          ))}
        </ol>
        <h3>{p.delivery}</h3>
        {view.actuals.length > 0 ? (
          <ol className="timeline" aria-label={p.delivery}>
            {view.actuals.map((r) => (
              <Report key={r.factId} r={r} lang={lang} isTarget={false} />
            ))}
          </ol>
        ) : (
          <p className="empty">{p.noActual}</p>
        )}
        {view.notComparable.length > 0 ? (
          <>
            <h3>{p.notComparable}</h3>
            <ol className="timeline" aria-label={p.notComparable}>
              {view.notComparable.map((r) => (
                <Report key={r.factId} r={r} lang={lang} isTarget={false} />
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </main>
  );
}
