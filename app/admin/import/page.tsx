import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { BatchImport } from '@/components/admin/batch-import';
import { adminDictionary } from '@/lib/i18n/admin';
import { issuesDictionary } from '@/lib/i18n/issues';
import { getLang } from '@/lib/i18n/server';
import { todayInChina } from '@/lib/ingest/issue-date';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.import };
}

export default async function ImportPage() {
  const lang = await getLang();
  const t = issuesDictionary(lang).batch;
  const words = adminDictionary(lang).import;
  const today = todayInChina();
  return (
    <>
      <div className={s.head}>
        <h1>{words.title}</h1>
        <span className={s.muted}>{words.intro}</span>
      </div>
      <ImportForm today={today} lang={lang} />
      <BatchImport t={t} lang={lang} />
    </>
  );
}
