'use server';
// Import of one newspaper issue from the admin page: pasted text, a .txt file (UTF-8 or
// GB18030/GBK) or a PDF e-paper page. Size and type are checked before any byte is read; the
// text goes through lib/ingest (previewIssue / ingestIssue), which stores issue, articles and
// draft facts in one transaction and never stores the same normalised text twice.
import { revalidatePath } from 'next/cache';
import { decodeText } from '@/lib/extract';
import { ingestIssue, IngestError, previewIssue } from '@/lib/ingest/ingest';
import { audit } from '@/lib/audit';
import { getPrisma } from '@/lib/db';
import { extractPdfText, isPdf } from '@/lib/pdf/extract-text';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { invalidateCache } from '@/lib/data/read-cache';
import { checkUpload, importSchema, type ImportMeta } from '@/lib/validations/import';
import { checkIssueDate } from '@/lib/ingest/issue-date';
import { duplicateMessage } from '@/lib/ingest/messages';
import { DB_UNAVAILABLE_MESSAGE, fail, formDataToObject, guard, inRequestLang, zodFieldErrors, type ActionResult } from './result';

export interface PreviewFact {
  articleOrdinal: number;
  raw: string;
  value: string;
  unit: string;
  comparator: string;
  kind: string;
  year: number | null;
  period: string | null;
  subject: string | null;
  metric: string;
  evidence: string;
}
export interface ImportPreview {
  articles: { ordinal: number; headline: string; chars: number; excerpt: string }[];
  facts: PreviewFact[];
  alreadyImportedIssueId: number | null;
  /** The text's own dates: a warning when they point elsewhere, and the date they suggest. */
  dateWarning: string | null;
  proposedDate: string | null;
}
export type ImportData =
  | { kind: 'preview'; preview: ImportPreview; text: string; sourceFileName: string | null }
  | { kind: 'imported'; issueId: number; articles: number; facts: number; alreadyImported: boolean };

export type ImportState = (ActionResult<ImportData> & { values?: Record<string, string> }) | null;

const PREVIEW_FACT_LIMIT = 2000;

/** The issue's text from the upload (file wins when present) or the pasted text. */
async function readSource(
  input: { text: string; file?: unknown },
): Promise<{ ok: true; text: string; sourceFileName: string | null } | { ok: false; field: string; message: string }> {
  const file = input.file;
  if (file instanceof File && file.name !== '' && !(file.size === 0 && file.name === 'undefined')) {
    const problem = checkUpload(file);
    if (problem) return { ok: false, field: 'file', message: problem };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.pdf$/i.test(file.name) || isPdf(bytes)) {
      if (!isPdf(bytes)) return { ok: false, field: 'file', message: '不是有效的 PDF 文件' };
      const r = await extractPdfText(bytes);
      return r.ok ? { ok: true, text: r.text, sourceFileName: file.name } : { ok: false, field: 'file', message: r.error };
    }
    const decoded = decodeText(bytes);
    if ('error' in decoded) return { ok: false, field: 'file', message: decoded.error };
    return { ok: true, text: decoded.text, sourceFileName: file.name };
  }
  if (input.text.trim().length === 0) return { ok: false, field: 'text', message: '请粘贴报纸文字，或选择一个 .txt / .pdf 文件' };
  return { ok: true, text: input.text, sourceFileName: null };
}

function echo(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['publication', 'date', 'page', 'text', 'sourceFileName']) {
    const v = raw[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

async function run(intent: 'preview' | 'import', input: unknown): Promise<ImportState> {
  const auth = await guard('admin');
  if (!auth.ok) return auth.result;
  const raw = input instanceof FormData ? formDataToObject(input) : ((input ?? {}) as Record<string, unknown>);
  const values = echo(raw);
  const parsed = importSchema.safeParse(raw);
  if (!parsed.success) return { ...fail(400, '输入有误，请检查标出的字段', zodFieldErrors(parsed.error)), values };
  const meta: ImportMeta = parsed.data;
  try {
    const prisma = await getPrisma();
    const source = await readSource(parsed.data);
    if (!source.ok) {
      // Refused uploads are audited too: the log shows every import attempt and its outcome.
      await audit(prisma, {
        userId: auth.user.id, action: 'import_refused', entityType: 'issue',
        note: source.message,
        after: { publication: meta.publication, date: meta.date, page: meta.page, file: raw.file instanceof File ? { name: raw.file.name, size: raw.file.size } : null },
      });
      return { ...fail(400, source.message, { [source.field]: [source.message] }), values };
    }
    const sourceFileName = source.sourceFileName ?? (typeof raw.sourceFileName === 'string' && raw.sourceFileName ? raw.sourceFileName.slice(0, 200) : null);
    const dateCheck = checkIssueDate(source.text, meta.date);
    if (dateCheck.error) {
      await audit(prisma, {
        userId: auth.user.id, action: 'import_refused', entityType: 'issue', note: dateCheck.error,
        after: { publication: meta.publication, date: meta.date, page: meta.page, sourceFileName, proposedDate: dateCheck.proposed },
      });
      return { ...fail(400, dateCheck.error, { date: [dateCheck.error] }), values: { ...values, ...(dateCheck.proposed ? { proposedDate: dateCheck.proposed } : {}) } };
    }
    if (intent === 'preview') {
      const p = await previewIssue(prisma, { text: source.text, date: meta.date, publication: meta.publication });
      const preview: ImportPreview = {
        alreadyImportedIssueId: p.alreadyImportedIssueId,
        dateWarning: dateCheck.warning,
        proposedDate: dateCheck.proposed,
        articles: p.articles.map((a) => ({
          ordinal: a.ordinal, headline: a.headline, chars: a.body.length, excerpt: a.body.slice(0, 120),
        })),
        facts: p.facts.slice(0, PREVIEW_FACT_LIMIT).map((f) => ({
          articleOrdinal: f.articleOrdinal, raw: f.raw, value: f.value, unit: f.unit, comparator: f.comparator,
          kind: f.kind, year: f.year, period: f.period, subject: f.subject?.name ?? null,
          metric: f.metric.label || f.metric.key, evidence: f.evidence,
        })),
      };
      return { ok: true, data: { kind: 'preview', preview, text: source.text, sourceFileName }, values: { ...values, text: source.text, ...(sourceFileName ? { sourceFileName } : {}) } };
    }
    let result;
    try {
      result = await ingestIssue(prisma, {
        text: source.text, date: meta.date, publication: meta.publication, page: meta.page,
        sourceFileName, userId: auth.user.id,
      });
    } catch (e) {
      // A failed import left nothing behind (one transaction); the log says it was tried and why.
      if (!isDatabaseUnavailable(e)) {
        await audit(prisma, {
          userId: auth.user.id, action: 'import_failed', entityType: 'issue',
          note: e instanceof IngestError ? e.message : `导入出错：${(e as Error).message ?? String(e)}`.slice(0, 500),
          after: { publication: meta.publication, date: meta.date, page: meta.page, sourceFileName },
        }).catch(() => undefined);
      }
      throw e;
    }
    if (result.alreadyImported) {
      const message = duplicateMessage(result, meta.date);
      await audit(prisma, {
        userId: auth.user.id, action: 'import_duplicate', entityType: 'issue', entityId: result.issueId,
        note: message, after: { date: meta.date, sourceFileName, duplicateOf: result.duplicateOf ?? null },
      });
      return {
        ok: false, status: 409,
        message,
        values,
        fieldErrors: { _form: [`duplicate:${result.issueId}`] },
      };
    }
    invalidateCache('overview:');
    revalidatePath('/admin', 'layout');
    const misfits = result.unitMisfits ?? [];
    const misfitNote = misfits.length
      ? `；其中 ${misfits.length} 条的单位与所选指标不符，已存为待归类：${misfits.slice(0, 3).map((m) => `“${m.raw}”（${m.why}）`).join('；')}${misfits.length > 3 ? '…' : ''}`
      : '';
    return { ok: true, message: `已导入：${result.articles} 篇文章，${result.facts} 条待审数据${misfitNote}`, data: { kind: 'imported', ...result } };
  } catch (e) {
    if (e instanceof IngestError) return { ...fail(400, e.message), values };
    if (isDatabaseUnavailable(e)) return { ...fail(503, DB_UNAVAILABLE_MESSAGE), values };
    throw e;
  }
}

/** useActionState-compatible: (previousState, formData). Extracts without writing. */
export async function previewImport(_prev: unknown, input: unknown): Promise<ImportState> {
  return inRequestLang(await run('preview', input));
}

/** useActionState-compatible: (previousState, formData). Stores issue, articles, draft facts. */
export async function importIssue(_prev: unknown, input: unknown): Promise<ImportState> {
  return inRequestLang(await run('import', input));
}
