// One issue as a record (admin): what is in it, the text's own date check, the forms to correct
// date, page and newspaper and to withdraw or restore it, and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { getIssueRecord } from '@/lib/data/issues';
import { todayInChina } from '@/lib/ingest/issue-date';
import { fill } from '@/lib/i18n/dictionaries';
import { issuesDictionary } from '@/lib/i18n/issues';
import { adminDictionary } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import { IssueEditForm, IssueWithdrawForm } from '@/components/admin/issue-forms';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.issue };
}

function time(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}

export default async function IssueRecordPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser('admin');
  const { id } = await params;
  const n = Number(id);
  const issue = Number.isInteger(n) && n > 0 ? await getIssueRecord(n) : null;
  if (!issue) notFound();
  const lang = await getLang();
  const dict = issuesDictionary(lang);
  const t = dict.record;
  const dc = issue.dateCheck;
  return (
    <>
      <div className={s.head}>
        <h1>
          {fill(t.title, { id: issue.id })}：{issue.publication} {issue.date}
          {issue.page ? ` · ${t.page} ${issue.page}` : ''}
          {issue.withdrawn ? dict.calendar.withdrawnMark : ''}
        </h1>
        <Link href="/admin/issues">{t.back}</Link>
      </div>
      <section className={s.card} aria-label={fill(t.title, { id: issue.id })}>
        {issue.withdrawn ? (
          <p className={s.alert} role="status">{fill(t.withdrawnAt, { at: time(issue.withdrawn.at, lang), reason: issue.withdrawn.reason ?? '—' })}</p>
        ) : null}
        <p>{fill(t.facts, issue.facts)}</p>
        <p className={s.muted}>
          {fill(t.imported, { at: time(issue.createdAt, lang), by: issue.importedBy ?? t.system, file: issue.sourceFileName ?? '—', chars: issue.charCount })}
        </p>
        {dc.warning ? <p className={s.alert}>{translateMessage(dc.warning, lang)}</p> : dc.proposed ? <p className={s.muted}>{t.dateOk}</p> : null}
        {dc.proposed && dc.proposed !== issue.date ? (
          <p className={s.muted}>{fill(t.dateProposed, { date: dc.proposed, basis: dc.basis ? t.basis[dc.basis] : '' })}</p>
        ) : null}
        {!issue.withdrawn ? <p><Link href={`/admin/review?issue=${issue.id}&status=all`}>{t.review}</Link></p> : null}
      </section>
      {issue.yearsToCheck.length > 0 ? (
        <section className={s.card} aria-labelledby="issue-years">
          <h2 id="issue-years">{t.yearsTitle}</h2>
          <p className={s.alert}>{t.yearsIntro}</p>
          <ul>
            {issue.yearsToCheck.map((y) => (
              <li key={y.factId}>
                {fill(t.yearsItem, { id: y.factId, headline: y.headline, year: y.year, newYear: y.newYear, date: issue.date })}{' '}
                <Link href={`/admin/review?issue=${issue.id}&status=all#fact-${y.factId}`}>{t.yearsOpen} #{y.factId}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <IssueEditForm
        id={issue.id} version={issue.version} publication={issue.publication} date={issue.date} page={issue.page}
        today={todayInChina()} withdrawn={issue.withdrawn !== null} proposedDate={dc.proposed} t={t}
      />
      <IssueWithdrawForm id={issue.id} version={issue.version} withdrawn={issue.withdrawn !== null} t={t} />
      <section className={s.card} aria-labelledby="issue-articles">
        <h2 id="issue-articles">{fill(t.articles, { n: issue.articles.length })}</h2>
        <ol>
          {issue.articles.map((a) => (
            <li key={a.id}>{issue.withdrawn ? a.headline : <Link href={`/admin/articles/${a.id}`}>{a.headline}</Link>}</li>
          ))}
        </ol>
      </section>
      <section className={s.card} aria-labelledby="issue-history">
        <h2 id="issue-history">{t.history}</h2>
        {issue.history.length === 0 ? (
          <p className={s.muted}>{t.noHistory}</p>
        ) : (
          <ul>
            {issue.history.map((h) => (
              <li key={h.id}>
                {time(h.at, lang)} · {h.user ?? dict.audit.system} · {dict.audit.actions[h.action] ?? h.action}
                {h.note ? `${lang === 'en' ? ': ' : '：'}${translateMessage(h.note, lang)}` : ''}
              </li>
            ))}
          </ul>
        )}
        <Link href={`/admin/audit?entityType=issue&entityId=${issue.id}`}>{dict.audit.entities.issue} · {t.history}</Link>
      </section>
    </>
  );
}
