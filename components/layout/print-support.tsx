'use client';
// Printing a dashboard page (A4, or "Save as PDF" in the print dialog): a print-only heading with the
// page's address (its filters) and the print time, and every source link of the page numbered as a
// footnote with its article's address, since links cannot be followed on paper. The footnotes are
// built on `beforeprint` and removed on `afterprint`, so the screen never shows them.
import { useEffect, useState } from 'react';
import { dictionary, type Lang } from '@/lib/i18n/dictionaries';

const ADDED = 'data-print-added';

/** Numbers each distinct source link under `root` and returns the footnotes, in order of first use. */
export function numberSources(root: ParentNode, origin: string): { n: number; label: string; url: string }[] {
  const notes: { n: number; label: string; url: string }[] = [];
  const byHref = new Map<string, number>();
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href*="/articles/"]')) {
    if (a.closest('[data-print-footnotes]')) continue;
    const href = a.getAttribute('href') ?? '';
    let n = byHref.get(href);
    if (n === undefined) {
      n = notes.length + 1;
      byHref.set(href, n);
      const label = (a.getAttribute('title') ?? a.getAttribute('aria-label') ?? a.textContent ?? '').trim();
      notes.push({ n, label, url: new URL(href, origin).toString() });
    }
    const sup = document.createElement('sup');
    sup.className = 'print-only print-ref';
    sup.setAttribute(ADDED, '');
    sup.textContent = `[${n}]`;
    a.after(sup);
  }
  return notes;
}

export function PrintSupport({ lang }: { lang: Lang }) {
  const t = dictionary(lang).print;
  const [notes, setNotes] = useState<{ n: number; label: string; url: string }[]>([]);
  const [stamp, setStamp] = useState<{ url: string; at: string } | null>(null);

  useEffect(() => {
    const clear = () => {
      for (const el of document.querySelectorAll(`[${ADDED}]`)) el.remove();
    };
    const before = () => {
      clear();
      const main = document.querySelector('main') ?? document.body;
      setNotes(numberSources(main, window.location.origin));
      // The tables behind the charts print open (exact figures on paper); closed ones are shut again after.
      for (const d of main.querySelectorAll<HTMLDetailsElement>('details.table-view:not([open])')) {
        d.open = true;
        d.setAttribute('data-print-opened', '');
      }
      setStamp({ url: window.location.href, at: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }) });
    };
    const after = () => {
      clear();
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-print-opened]')) {
        d.open = false;
        d.removeAttribute('data-print-opened');
      }
      setNotes([]);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [lang]);

  return (
    <>
      {stamp ? (
        <p className="print-only print-stamp">
          {t.page}: {stamp.url} · {t.printed} {stamp.at}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <section className="print-only print-footnotes" data-print-footnotes="" aria-label={t.sources}>
          <h2>{t.sources}</h2>
          <ol>
            {notes.map((f) => (
              <li key={f.n} value={f.n}>
                {f.label ? `${f.label} — ` : ''}
                {f.url}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

export function PrintButton({ lang }: { lang: Lang }) {
  return (
    <button type="button" className="button secondary print-button no-print" onClick={() => window.print()}>
      {dictionary(lang).print.button}
    </button>
  );
}
