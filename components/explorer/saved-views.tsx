'use client';
// The analyst's saved views: save the current filters and layout under a name, open one, copy its
// link to share, make one the explorer's start page, delete one. Stored per user in the database
// (lib/actions/saved-views checks the session, the role and ownership).
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { deleteView, saveView, setStartView } from '@/lib/actions/saved-views';
import type { SavedViewItem } from '@/lib/data/saved-views';
import type { Lang } from '@/lib/i18n/dictionaries';
import { EXPLORER_LABELS } from './labels';

export function SavedViews({
  lang,
  views,
  currentQuery,
}: {
  lang: Lang;
  views: SavedViewItem[];
  currentQuery: string;
}) {
  const t = EXPLORER_LABELS[lang];
  const router = useRouter();
  const [name, setName] = useState('');
  const [replace, setReplace] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, after?: () => void) =>
    startTransition(async () => {
      const r = await fn();
      setMessage({ ok: r.ok, text: r.message ?? '' });
      if (r.ok) {
        after?.();
        router.refresh();
      }
    });

  return (
    <section className="panel saved-views" aria-labelledby="ex-saved">
      <div className="panel-head">
        <h2 id="ex-saved">{t.saved}</h2>
      </div>
      <form
        className="save-view"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => saveView({ name, query: currentQuery, replace }),
            () => setName(''),
          );
        }}
      >
        <label>
          {t.saveName}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required />
        </label>
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {t.replace}
        </label>
        <button type="submit" className="button" disabled={pending || !name.trim()}>
          {pending ? t.saving : t.save}
        </button>
      </form>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok-message' : 'error-message'}
        >
          {message.text}
        </p>
      ) : null}
      {views.length === 0 ? (
        <p className="muted">{t.noSaved}</p>
      ) : (
        <ul className="saved-list">
          {views.map((v) => {
            const href = `/explorer?${v.query}`;
            return (
              <li key={v.id}>
                <Link href={href} className="saved-name">
                  {v.name}
                </Link>
                {v.isStart ? <span className="badge">{t.isStart}</span> : null}
                <span className="page-controls">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      const url = `${window.location.origin}${href}`;
                      void navigator.clipboard?.writeText(url).then(
                        () => setCopied(v.id),
                        () => window.prompt(t.copyLink, url),
                      );
                    }}
                  >
                    {copied === v.id ? t.copied : t.copyLink}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={pending}
                    onClick={() => run(() => setStartView({ id: v.id, start: !v.isStart }))}
                  >
                    {v.isStart ? t.unsetStart : t.makeStart}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={pending}
                    aria-label={`${t.del} ${v.name}`}
                    onClick={() => run(() => deleteView({ id: v.id }))}
                  >
                    {t.del}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
