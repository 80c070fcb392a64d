'use client';
// Error boundary of the issue pages (e.g. the database is unreachable).
import { useState } from 'react';
import { adminDictionary, documentLang } from '@/lib/i18n/admin';

export default function IssuesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [t] = useState(() => adminDictionary(documentLang()));
  return (
    <div className="panel" role="alert">
      <h1>{t.issuesError.title}</h1>
      <p className="muted">{t.issuesError.body}</p>
      <button type="button" className="button" onClick={reset}>
        {t.common.retry}
      </button>
    </div>
  );
}
