'use client';
// The body of every error boundary: says what happened in the reader's language, offers a retry,
// and shows the error id (never the message: it may hold internals).
import { useEffect, useState } from 'react';
import { dictionary, parseLang, type Lang } from '@/lib/i18n/dictionaries';

export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The root layout sets <html lang> from the reader's choice; error boundaries render in the browser.
  const [lang] = useState<Lang>(() => parseLang(typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh'));
  useEffect(() => {
    console.error(error);
  }, [error]);
  const t = dictionary(lang);
  return (
    <main>
      <div className="panel" role="alert" style={{ maxWidth: 560, margin: '48px auto', textAlign: 'center' }}>
        <h1>{t.error.title}</h1>
        <p className="muted">{t.error.body}</p>
        {error.digest ? (
          <p className="muted" style={{ fontSize: '.85rem' }}>
            {t.error.code} {error.digest}
          </p>
        ) : null}
        <button type="button" className="button" onClick={reset}>
          {t.error.retry}
        </button>
      </div>
    </main>
  );
}
