// 403 page, rendered by forbidden() (requireUser with a role that is too low).
import Link from 'next/link';
import { getDictionary } from '@/lib/i18n/server';

export default async function Forbidden() {
  const { t } = await getDictionary();
  return (
    <main>
      <div className="panel" style={{ maxWidth: 560, margin: '48px auto', textAlign: 'center' }}>
        <h1>{t.forbidden.title}</h1>
        <p className="muted">{t.forbidden.body}</p>
        <p>
          <Link href="/" className="button">
            {t.notFound.home}
          </Link>
        </p>
      </div>
    </main>
  );
}
