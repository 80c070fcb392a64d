import Link from 'next/link';
import type { Metadata } from 'next';
import { getPickerOptions, listRecognitions } from '@/lib/data/catalog';
import { DeleteButton, RecognitionForm } from '@/components/admin/catalog-forms';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill } from '@/lib/i18n/dictionaries';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.recognitions };
}
export const dynamic = 'force-dynamic';

export default async function RecognitionsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  const [rows, options, lang] = await Promise.all([listRecognitions(), getPickerOptions(), getLang()]);
  const { catalog: c, common } = adminDictionary(lang);
  const row = rows.find((r) => String(r.id) === edit) ?? null;
  return (
    <>
      <div className={s.head}>
        <h1>{c.recognitionsTitle}</h1>
        <span className={s.muted}>{fill(c.recognitionsCount, { n: rows.length })} · <Link href="/admin/recognitions">{common.add}</Link></span>
      </div>
      <RecognitionForm row={row} parks={options.parks} regions={options.regions} lang={lang} />
      <section className={s.card}>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead><tr><th>{common.year}</th><th>{c.holder}</th><th>{c.recognitionTitle}</th><th>{common.level}</th><th className={s.hideSm}>{common.source}</th><th></th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.year}</td>
                  <td>{r.subject}</td>
                  <td>{r.title}</td>
                  <td>{c.recognitionLevels[r.level] ?? r.level}</td>
                  <td className={s.hideSm}>{r.articleId ? <Link href={`/admin/articles/${r.articleId}`}>{r.headline}</Link> : '—'}</td>
                  <td><div className={s.row}>
                    <Link className={s.btn} href={`/admin/recognitions?edit=${r.id}`}>{common.edit}</Link>
                    <DeleteButton kind="recognition" id={r.id} label={r.title} lang={lang} />
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
