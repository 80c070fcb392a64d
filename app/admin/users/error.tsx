'use client';
// Error boundary of the user page (e.g. the database is unreachable).
import { useState } from 'react';
import { adminDictionary, documentLang } from '@/lib/i18n/admin';

export default function UsersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [t] = useState(() => adminDictionary(documentLang()));
  return (
    <div>
      <div className="panel" role="alert">
        <h1>{t.users.loadError}</h1>
        <p className="muted">{t.users.retryLater}</p>
        <button type="button" className="button" onClick={reset}>
          {t.common.retry}
        </button>
      </div>
    </div>
  );
}
