import Link from 'next/link';
import { adminDictionary } from '@/lib/i18n/admin';
import { getLang } from '@/lib/i18n/server';
import s from '@/components/admin/admin.module.css';

export default async function ArticleNotFound() {
  const t = adminDictionary(await getLang()).notFound;
  return (
    <div className={s.card}>
      <h1 style={{ fontSize: '1.1rem' }}>{t.article}</h1>
      <p className={s.muted}>{t.articleBody}</p>
      <Link href="/admin/review">{t.backToReview}</Link>
    </div>
  );
}
