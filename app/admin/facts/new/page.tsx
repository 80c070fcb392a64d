import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getPickerOptions } from '@/lib/data/catalog';
import { ManualFactForm } from '@/components/admin/manual-fact-form';
import { adminDictionary } from '@/lib/i18n/admin';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminDictionary(await getLang()).titles.facts };
}
export const dynamic = 'force-dynamic';

export default async function NewFactPage() {
  const [options, lang] = await Promise.all([getPickerOptions(), getLang()]);
  const t = adminDictionary(lang).manual;
  return (
    <>
      <div className={s.head}>
        <h1>{t.title}</h1>
        <span className={s.muted}>{t.intro}</span>
      </div>
      <ManualFactForm options={options} submissionKey={randomUUID()} lang={lang} />
    </>
  );
}
