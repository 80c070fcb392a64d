import Link from 'next/link';
import { adminDictionary } from '@/lib/i18n/admin';
import { getLang } from '@/lib/i18n/server';

export default async function IssueNotFound() {
  const t = adminDictionary(await getLang()).notFound;
  return (
    <div className="panel" role="alert">
      <h1>{t.issue}</h1>
      <p>
        <Link href="/admin/issues">{t.backToCalendar}</Link>
      </p>
    </div>
  );
}
