'use client';
// Import form: paste text or choose a .txt / .pdf file, give publication, date and page, preview
// the segmentation and candidate facts, then save. Files are checked for size and emptiness in
// the browser before upload (the server checks again); what was typed survives every refusal.
import Link from 'next/link';
import { startTransition, useActionState, useRef, useState, useSyncExternalStore } from 'react';
import { importIssue, previewImport, type ImportPreview, type ImportState } from '@/lib/actions/import';
import { checkUpload, DEFAULT_PUBLICATION_NAME, importMetaSchema } from '@/lib/validations/import';
import { Field, invalid } from './field';
import { clientCheck, type FieldErrors } from './form-utils';
import { comparatorLabel, formatValue, kindLabel, timeLabel } from './format';
import { adminDictionary, type AdminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { translateMessage } from '@/lib/i18n/messages';
import s from './admin.module.css';

const noopSubscribe = () => () => undefined;

export function ImportForm({ today, lang = 'zh' }: { today: string; lang?: Lang }) {
  const w = adminDictionary(lang).import;
  const [values, setValues] = useState({ publication: DEFAULT_PUBLICATION_NAME, date: today, page: '1', text: '' });
  const [sourceFileName, setSourceFileName] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  // After a file preview the decoded text moves into the text box: saving sends that text, so
  // the admin saves exactly what was previewed.
  const [previewState, preview, previewing] = useActionState(async (p: ImportState, fd: FormData) => {
    const r = await previewImport(p, fd);
    if (r?.ok && r.data?.kind === 'preview' && r.data.sourceFileName) {
      const { text, sourceFileName: name } = r.data;
      if (fileRef.current) fileRef.current.value = '';
      setValues((v) => ({ ...v, text }));
      setSourceFileName(name);
    }
    return r;
  }, null);
  const [importState, save, saving] = useActionState((p: ImportState, fd: FormData) => importIssue(p, fd), null);
  const [last, setLast] = useState<'preview' | 'import' | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Marks the form usable: before hydration a click would submit it as a plain POST.
  const ready = useSyncExternalStore(noopSubscribe, () => true, () => false);

  const state = last === 'import' ? importState : last === 'preview' ? previewState : null;
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  const duplicate = errors?._form?.find((m) => m.startsWith('duplicate:'));
  const previewData = previewState?.ok && previewState.data?.kind === 'preview' ? previewState.data : null;
  // The date the text itself suggests (preview, or a refused future date), offered in one click.
  const proposedDate = previewData?.preview.proposedDate ?? (state && !state.ok ? state.values?.proposedDate : undefined) ?? null;

  function submit(intent: 'preview' | 'import'): void {
    const form = formRef.current;
    if (!form) return;
    const fd = new FormData(form);
    const problems: FieldErrors = clientCheck(importMetaSchema, fd, lang) ?? {};
    const file = fileRef.current?.files?.[0];
    if (file) {
      const p = checkUpload(file);
      if (p) problems.file = [translateMessage(p, lang)];
    } else {
      fd.delete('file');
      if (!values.text.trim()) problems.text = [translateMessage('请粘贴报纸文字，或选择一个 .txt / .pdf 文件', lang)];
    }
    if (Object.keys(problems).length) {
      setClientErrors(problems);
      setLast(null);
      return;
    }
    setClientErrors(null);
    setLast(intent);
    startTransition(async () => {
      if (intent === 'preview') {
        preview(fd);
      } else {
        save(fd);
      }
    });
  }


  const e = errors ?? {};
  const busy = previewing || saving;
  return (
    <>
      <form
        ref={formRef}
        className={s.card}
        aria-label={w.form}
        method="post"
        data-ready={ready ? 'true' : undefined}
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          submit('preview');
        }}
      >
        <div className={s.grid}>
          <Field label={w.publication} htmlFor="imp-publication" errors={e.publication}>
            <input id="imp-publication" name="publication" value={values.publication} onChange={(ev) => setValues({ ...values, publication: ev.target.value })} {...invalid('imp-publication', e.publication)} />
          </Field>
          <Field label={w.date} htmlFor="imp-date" errors={e.date}>
            <input id="imp-date" name="date" type="date" max={today} value={values.date} onChange={(ev) => setValues({ ...values, date: ev.target.value })} {...invalid('imp-date', e.date)} />
          </Field>
          <Field label={w.page} htmlFor="imp-page" errors={e.page}>
            <input id="imp-page" name="page" value={values.page} onChange={(ev) => setValues({ ...values, page: ev.target.value })} {...invalid('imp-page', e.page)} />
          </Field>
          <Field label={w.file} htmlFor="imp-file" errors={e.file}>
            <input id="imp-file" ref={fileRef} name="file" type="file" accept=".txt,.text,.pdf,text/plain,application/pdf" {...invalid('imp-file', e.file)} onChange={() => setClientErrors(null)} />
          </Field>
        </div>
        <div className={s.field} style={{ marginTop: 8 }}>
          <label htmlFor="imp-text">{w.text}{sourceFileName ? fill(w.readFrom, { name: sourceFileName }) : ''}</label>
          <textarea id="imp-text" name="text" value={values.text} onChange={(ev) => setValues({ ...values, text: ev.target.value })} {...invalid('imp-text', e.text)} />
          {e.text && <p id="imp-text-err" className={s.error}>{e.text.join(lang === 'en' ? '; ' : '；')}</p>}
        </div>
        <input type="hidden" name="sourceFileName" value={sourceFileName} />
        <div role="status" aria-live="polite">
          {last === 'preview' && previewData?.preview.dateWarning && <p className={s.alert}>{translateMessage(previewData.preview.dateWarning, lang)}</p>}
          {proposedDate && proposedDate !== values.date && (
            <p className={s.muted}>
              {w.proposed}{proposedDate}{' '}
              <button type="button" className={s.btn} onClick={() => setValues((v) => ({ ...v, date: proposedDate }))}>
                {fill(w.useDate, { date: proposedDate })}
              </button>
            </p>
          )}
          {state && !state.ok && !duplicate && <p className={s.alert}>{state.message}</p>}
          {state && !state.ok && duplicate && (
            <p className={s.alert}>
              {state.message}{lang === 'en' ? ': ' : '：'}<Link href={`/admin/review?issue=${duplicate.slice('duplicate:'.length)}&status=all`}>{w.viewDuplicate}</Link>
            </p>
          )}
          {importState?.ok && last === 'import' && importState.data?.kind === 'imported' && (
            <p className={s.notice}>
              {importState.message}{lang === 'en' ? '. ' : '。'}<Link href={`/admin/review?issue=${importState.data.issueId}`}>{w.goReview}</Link>
            </p>
          )}
        </div>
        <div className={s.row} style={{ marginTop: 8 }}>
          <button type="submit" className={s.btn} disabled={busy}>{previewing ? w.previewing : w.preview}</button>
          <button type="button" className={`${s.btn} ${s.primary}`} disabled={busy} onClick={() => submit('import')}>
            {saving ? w.importing : w.import}
          </button>
        </div>
      </form>
      {previewData && <ImportPreviewView data={previewData.preview} w={w} lang={lang} />}
    </>
  );
}

function ImportPreviewView({ data, w, lang }: { data: ImportPreview; w: AdminDictionary['import']; lang: Lang }) {
  return (
    <section className={s.card} aria-label={w.preview}>
      <h2>{fill(w.previewTitle, { articles: data.articles.length, facts: data.facts.length })}</h2>
      {data.alreadyImportedIssueId !== null && (
        <p className={s.alert}>
          {w.already}<Link href={`/admin/review?issue=${data.alreadyImportedIssueId}&status=all`}>{fill(w.viewIssue, { id: data.alreadyImportedIssueId })}</Link>
        </p>
      )}
      {data.articles.map((a) => {
        const facts = data.facts.filter((f) => f.articleOrdinal === a.ordinal);
        return (
          <details key={a.ordinal} className={s.details} open={facts.length > 0 && data.articles.length <= 12}>
            <summary>
              <b>{a.headline}</b> <span className={s.muted}>{fill(w.articleInfo, { chars: a.chars, n: facts.length })}</span>
            </summary>
            {facts.length > 0 && (
              <div className={s.tableWrap}>
                <table className={s.table}>
                  <thead><tr><th>{w.raw}</th><th>{w.metric}</th><th>{w.subject}</th><th>{w.time}</th><th className={s.num}>{w.value}</th><th>{w.kind}</th></tr></thead>
                  <tbody>
                    {facts.map((f, k) => (
                      <tr key={k}>
                        <td><mark className={s.q}>{f.raw}</mark></td>
                        <td>{f.metric}</td>
                        <td>{f.subject ?? '—'}</td>
                        <td>{timeLabel(f.year, f.period, lang)}</td>
                        <td className={s.num}>{comparatorLabel(f.comparator, lang)}{formatValue(f.value, f.unit, lang)}</td>
                        <td>{kindLabel(f.kind, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </details>
        );
      })}
    </section>
  );
}
