'use client';
// Batch import: many .txt/.pdf files, a folder or a .zip at once. The files go up a few per request
// (each request under the server's body limit); each becomes a background job on the server, and
// this list polls their progress and shows each file's result line and the batch's summary.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { enqueueBatchImport } from '@/lib/actions/batch-import';
import type { ImportJobRow } from '@/lib/data/import-jobs';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import type { IssuesDictionary } from '@/lib/i18n/issues';
import { translateMessage } from '@/lib/i18n/messages';
import { importJobsQuery, importJobsUnsettled } from '@/lib/queries/import-jobs';
import { DEFAULT_PUBLICATION_NAME } from '@/lib/validations/import';
import s from './admin.module.css';

const MAX_FILE = 10 * 1024 * 1024;
/** Bytes per request: below the server action body limit (11 MB) with room for the form. */
const MAX_REQUEST = 8 * 1024 * 1024;

function resultLine(j: ImportJobRow, t: IssuesDictionary['batch'], lang: Lang) {
  const r = j.result;
  if (!r) return j.stage ?? '';
  if (r.status === 'imported') {
    return (
      <>
        <Link href={`/admin/issues/${r.issueId}`}>{r.date}</Link>{lang === 'en' ? ': ' : '：'}{fill(t.imported, { articles: r.articles, facts: r.facts })}
      </>
    );
  }
  if (r.status === 'duplicate') return fill(t.duplicate, { message: translateMessage(r.message, lang) });
  return translateMessage(r.reason, lang);
}

export function BatchImport({ t, lang = 'zh' }: { t: IssuesDictionary['batch']; lang?: Lang }) {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [publication, setPublication] = useState(DEFAULT_PUBLICATION_NAME);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState<string[]>([]);
  // Jobs the server said it queued for this batch: the list is final only once it holds them all.
  const [queued, setQueued] = useState(0);
  const jobs = useQuery({ ...importJobsQuery(batchId ?? 'none', { queued, uploading }), enabled: batchId !== null });
  // The button works from hydration on (browser tests wait for this marker before clicking).
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => sectionRef.current?.setAttribute('data-ready', ''), []);

  async function start(): Promise<void> {
    const picked: { file: File; name: string }[] = [];
    for (const f of filesRef.current?.files ?? []) picked.push({ file: f, name: f.name });
    for (const f of folderRef.current?.files ?? []) picked.push({ file: f, name: f.webkitRelativePath || f.name });
    if (picked.length === 0) {
      setError(t.none);
      return;
    }
    setError(null);
    const id = crypto.randomUUID();
    const big = picked.filter((p) => p.file.size > MAX_FILE);
    setTooBig(big.map((p) => p.name));
    const batches: { file: File; name: string }[][] = [];
    let current: { file: File; name: string }[] = [];
    let bytes = 0;
    for (const p of picked.filter((x) => x.file.size <= MAX_FILE)) {
      if (current.length && bytes + p.file.size > MAX_REQUEST) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(p);
      bytes += p.file.size;
    }
    if (current.length) batches.push(current);
    setUploading(true);
    setQueued(0);
    setBatchId(id);
    try {
      for (const part of batches) {
        const fd = new FormData();
        fd.set('batchId', id);
        fd.set('publication', publication);
        for (const p of part) fd.append('files', p.file, p.name);
        const r = await enqueueBatchImport(null, fd);
        if (!r.ok) {
          setError(r.message);
          break;
        }
        const n = r.data?.jobs.length ?? 0;
        setQueued((q) => q + n);
        await jobs.refetch();
      }
    } finally {
      setUploading(false);
      if (filesRef.current) filesRef.current.value = '';
      if (folderRef.current) folderRef.current.value = '';
    }
  }

  const items = jobs.data?.items ?? [];
  const finished = items.filter((j) => j.status === 'done' || j.status === 'failed');
  const summary = {
    files: items.length + tooBig.length,
    imported: items.filter((j) => j.result?.status === 'imported').length,
    duplicates: items.filter((j) => j.result?.status === 'duplicate').length,
    refused: items.filter((j) => j.status === 'failed').length + tooBig.length,
    articles: items.reduce((n, j) => n + (j.result?.status === 'imported' ? j.result.articles : 0), 0),
    facts: items.reduce((n, j) => n + (j.result?.status === 'imported' ? j.result.facts : 0), 0),
  };
  // Files queued but not listed yet count as pending; the summary waits for the last upload too.
  const pending = Math.max(items.length, queued) - finished.length;
  const settled = !importJobsUnsettled(jobs.data?.items, { queued, uploading });

  return (
    <section ref={sectionRef} className={s.card} aria-labelledby="batch-title">
      <h2 id="batch-title">{t.title}</h2>
      <p className={s.muted}>{t.intro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
        aria-labelledby="batch-title"
      >
        <div className={s.grid}>
          <div className={s.field}>
            <label htmlFor="batch-publication">{t.publication}</label>
            <input id="batch-publication" name="publication" value={publication} onChange={(e) => setPublication(e.target.value)} />
          </div>
          <div className={s.field}>
            <label htmlFor="batch-files">{t.files}</label>
            <input id="batch-files" ref={filesRef} type="file" multiple accept=".txt,.text,.pdf,.zip,text/plain,application/pdf,application/zip" />
          </div>
          <div className={s.field}>
            <label htmlFor="batch-folder">{t.folder}</label>
            <input id="batch-folder" ref={folderRef} type="file" multiple {...{ webkitdirectory: '', directory: '' }} />
          </div>
        </div>
        <div className={s.row} style={{ marginTop: 8 }}>
          <button type="submit" className={`${s.btn} ${s.primary}`} disabled={uploading}>{uploading ? t.uploading : t.start}</button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {error ? <p className={s.alert}>{error}</p> : null}
        {batchId && (items.length > 0 || tooBig.length > 0) ? (
          <p className={settled ? s.notice : s.muted}>
            {settled ? fill(t.summary, summary) : fill(t.pending, { n: pending })}
          </p>
        ) : null}
      </div>
      {batchId && (items.length > 0 || tooBig.length > 0) ? (
        <div className={s.tableWrap}>
          <table className={s.table} aria-label={t.title}>
            <thead>
              <tr><th scope="col">{t.file}</th><th scope="col">{t.progress}</th><th scope="col">{t.status}</th><th scope="col">{t.result}</th></tr>
            </thead>
            <tbody>
              {items.map((j) => (
                <tr key={j.id} data-status={j.status}>
                  <td>{j.fileName}</td>
                  <td><progress max={100} value={j.progress} aria-label={`${j.fileName} ${t.progress}`}>{j.progress}%</progress></td>
                  <td>{t.states[j.status]}</td>
                  <td>{resultLine(j, t, lang)}</td>
                </tr>
              ))}
              {tooBig.map((name) => (
                <tr key={name} data-status="failed">
                  <td>{name}</td>
                  <td><progress max={100} value={100} aria-label={`${name} ${t.progress}`}>100%</progress></td>
                  <td>{t.states.failed}</td>
                  <td>{adminDictionary(lang).import.tooBig}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
