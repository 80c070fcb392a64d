'use client';
import { useState } from 'react';
import { adminDictionary, documentLang } from '@/lib/i18n/admin';
import s from '@/components/admin/admin.module.css';

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const [t] = useState(() => adminDictionary(documentLang()).common);
  return (
    <div className={s.card} role="alert">
      <h1 style={{ fontSize: '1.1rem' }}>{t.errorTitle}</h1>
      <p className={s.muted}>{t.errorBody}</p>
      <button type="button" className={s.btn} onClick={reset}>{t.retry}</button>
    </div>
  );
}
