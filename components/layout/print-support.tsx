'use client';
// Printing a dashboard page (A4, the print dialog, or the server's 导出 PDF, lib/pdf/render.ts): a
// print-only heading with the page's address, its filters in words (the controls themselves are not
// printed), the data's as-of date and the print time, and every source link of the page numbered
// as a footnote with its article's address, since links cannot be followed on paper. The footnotes
// are built on `beforeprint` and removed on `afterprint`, so the screen never shows them.
import { useEffect, useState } from 'react';
import { dictionary, type Lang } from '@/lib/i18n/dictionaries';
import { formatDate } from '@/lib/i18n/format';

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

/** The page's filters in words: each labelled select's choice and each choice nav's current item. */
export function describeFilters(root: ParentNode): string[] {
  const out: string[] = [];
  for (const select of root.querySelectorAll<HTMLSelectElement>('select')) {
    const label = (select.labels?.[0]?.textContent ?? select.getAttribute('aria-label') ?? '').trim();
    const choice = select.selectedOptions[0]?.textContent?.trim();
    if (label && choice) out.push(`${label}: ${choice}`);
  }
  for (const nav of root.querySelectorAll<HTMLElement>('nav[aria-label]')) {
    const current = nav.querySelector('[aria-current="true"]');
    if (current?.textContent) out.push(`${nav.getAttribute('aria-label')}: ${current.textContent.trim()}`);
  }
  return out;
}

export function PrintSupport({ lang, asOf }: { lang: Lang; asOf?: string | null }) {
  const t = dictionary(lang).print;
  const [notes, setNotes] = useState<{ n: number; label: string; url: string }[]>([]);
  const [stamp, setStamp] = useState<{ url: string; at: string; filters: string[] } | null>(null);

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
      setStamp({
        url: window.location.href,
        at: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }),
        filters: describeFilters(main),
      });
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
        <div className="print-only print-stamp" data-print-stamp="">
          <p>
            {t.filters}: {stamp.filters.length > 0 ? stamp.filters.join(' · ') : t.none}
            {asOf ? ` · ${t.asOf} ${formatDate(asOf, lang)}` : ''}
          </p>
          <p>
            {t.page}: {stamp.url} · {t.printed} {stamp.at}
          </p>
        </div>
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

/**
 * 打印 prints in the browser; 导出 PDF asks the server for the page as an A4 file (Chromium,
 * app/api/pdf) and saves it, or prints in the browser when the server has no Chromium.
 */
export function PrintButton({ lang, pdf }: { lang: Lang; pdf: boolean }) {
  const t = dictionary(lang).print;
  const [busy, setBusy] = useState(false);
  const exportPdf = async () => {
    if (!pdf) {
      window.print();
      return;
    }
    setBusy(true);
    try {
      const path = `${window.location.pathname}${window.location.search}`;
      const res = await fetch(`/api/pdf?path=${encodeURIComponent(path)}`, { credentials: 'same-origin' });
      if (!res.ok) {
        // No Chromium after all, or it is busy: the browser's own print dialog saves a PDF too.
        window.print();
        return;
      }
      const blob = await res.blob();
      const match = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = match?.[1] ? decodeURIComponent(match[1]) : 'dashboard.pdf';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button secondary print-button no-print" onClick={() => window.print()}>
        {t.button}
      </button>
      <button type="button" className="button secondary print-button no-print" onClick={exportPdf} disabled={busy} aria-busy={busy} data-pdf={pdf ? 'server' : 'print'}>
        {t.pdf}
      </button>
    </>
  );
}
