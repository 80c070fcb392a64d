// The "not found" body used by every [id] route (and the app's 404).
import Link from 'next/link';
import { getDictionary } from '@/lib/i18n/server';

export async function NotFoundPanel() {
  const { t } = await getDictionary();
  return (
    <main>
      <div className="panel" style={{ maxWidth: 560, margin: '48px auto', textAlign: 'center' }}>
        <h1>{t.notFound.title}</h1>
        <p className="muted">{t.notFound.body}</p>
        <p>
          <Link href="/" className="button">
            {t.notFound.home}
          </Link>
        </p>
      </div>
    </main>
  );
}
