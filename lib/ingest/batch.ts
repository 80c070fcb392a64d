// A month at once: many files in one go (.txt, .pdf, or a .zip of them), each imported on its own
// and whole or not at all (lib/ingest/ingest.ts: one transaction per issue). Shared by the admin's
// background jobs (lib/ingest/jobs.ts) and `npm run ingest -- DIR`. No Next, no 'server-only':
// the CLI runs it too.
import { unzipSync } from 'fflate';
import { decodeText } from '@/lib/extract';
import type { AppPrismaClient } from '@/lib/db/client';
import { extractPdfText, isPdf } from '@/lib/pdf/extract-text';
import { ingestIssue, IngestError, type IngestInput } from './ingest';
import { checkIssueDate, proposeIssueDate, todayInChina } from './issue-date';
import { duplicateMessage } from './messages';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A zip may hold a month of pages; more than this is refused rather than unpacked. */
export const MAX_ZIP_ENTRIES = 500;
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;

export interface BatchFile {
  name: string;
  bytes: Uint8Array;
}

export type FileOutcome =
  | { status: 'imported'; file: string; issueId: number; date: string; articles: number; facts: number }
  | { status: 'duplicate'; file: string; issueId: number; date: string; message: string }
  | { status: 'refused'; file: string; reason: string };

const IMPORTABLE = /\.(txt|text|pdf)$/i;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The importable files of an upload: .txt/.pdf as they are, a .zip unpacked (its folders walked,
 * hidden and system entries skipped). Anything else is refused with its reason.
 */
export function expandUploads(files: BatchFile[]): { files: BatchFile[]; refused: { file: string; reason: string }[] } {
  const out: BatchFile[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) {
      let entries = 0;
      let total = 0;
      let tooBig = false;
      let unpacked: Record<string, Uint8Array>;
      try {
        unpacked = unzipSync(f.bytes, {
          filter: (e) => {
            const name = baseName(e.name);
            if (e.name.endsWith('/') || name.startsWith('.') || e.name.startsWith('__MACOSX/') || !IMPORTABLE.test(name)) return false;
            entries++;
            total += e.originalSize;
            if (entries > MAX_ZIP_ENTRIES || total > MAX_ZIP_TOTAL_BYTES || e.originalSize > MAX_FILE_BYTES) tooBig = true;
            return !tooBig;
          },
        });
      } catch {
        refused.push({ file: f.name, reason: '无法解压：不是有效的 .zip 文件' });
        continue;
      }
      if (tooBig) {
        refused.push({ file: f.name, reason: `压缩包过大：最多 ${MAX_ZIP_ENTRIES} 个文件、共 ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB，单个文件最大 10 MB` });
        continue;
      }
      const names = Object.keys(unpacked).sort();
      if (names.length === 0) refused.push({ file: f.name, reason: '压缩包里没有 .txt 或 .pdf 文件' });
      for (const name of names) out.push({ name: `${f.name}/${name}`, bytes: unpacked[name] ?? new Uint8Array() });
    } else if (IMPORTABLE.test(f.name)) {
      out.push(f);
    } else {
      refused.push({ file: f.name, reason: '只支持 .txt、.pdf 或 .zip 文件' });
    }
  }
  return { files: out, refused };
}

/** A date written in the file's name: 2023-05-19.txt, 20230519-01.pdf, 湘潭日报_2023_05_19.txt. */
export function dateFromFileName(name: string): string | null {
  const m = /(?:^|\D)((?:19|20)\d{2})[-_.年]?(\d{2})[-_.月]?(\d{2})(?!\d)/.exec(baseName(name));
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d ? null : d;
}

/** The text of a .txt (UTF-8 or GB18030) or a PDF's text layer. */
export async function readFileText(file: BatchFile): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.bytes.length === 0) return { ok: false, error: '文件是空的（0 字节）' };
  if (file.bytes.length > MAX_FILE_BYTES) return { ok: false, error: '文件过大：最大 10 MB（请按版面拆分后导入）' };
  if (/\.pdf$/i.test(file.name) || isPdf(file.bytes)) {
    if (!isPdf(file.bytes)) return { ok: false, error: '不是有效的 PDF 文件' };
    const r = await extractPdfText(file.bytes);
    return r.ok ? { ok: true, text: r.text } : { ok: false, error: r.error };
  }
  const decoded = decodeText(file.bytes);
  return 'error' in decoded ? { ok: false, error: decoded.error } : { ok: true, text: decoded.text };
}

export interface ImportFileInput {
  file: BatchFile;
  publication: string;
  /** A date given for this file; else from its name, else from its text's masthead or datelines. */
  date?: string | null;
  page?: string | null;
  userId?: number | null;
  today?: string;
  onProgress?: (fraction: number, stage: string) => void | Promise<void>;
  /** Passed on to ingestIssue (the CLI's worker threads for big issues). */
  extract?: IngestInput['extract'];
}

/**
 * Imports one file, whole or not at all. Never throws for the file's own problems: they come back
 * as a refusal with its reason (and are in the audit log); a database failure still throws.
 */
export async function importFile(prisma: AppPrismaClient, input: ImportFileInput): Promise<FileOutcome> {
  const name = input.file.name;
  const today = input.today ?? todayInChina();
  const refuse = async (reason: string, date: string | null = null): Promise<FileOutcome> => {
    await prisma.auditLog.create({
      data: {
        userId: input.userId ?? null, action: 'import_refused', entityType: 'issue', note: reason.slice(0, 1000),
        after: { file: name, publication: input.publication, date, page: input.page ?? null, batch: true },
      },
    });
    return { status: 'refused', file: name, reason };
  };
  await input.onProgress?.(0.05, 'read');
  const read = await readFileText(input.file);
  if (!read.ok) return refuse(read.error);
  const fromText = proposeIssueDate(read.text);
  const date = input.date ?? dateFromFileName(name) ?? fromText?.date ?? null;
  if (!date) return refuse('无法确定出版日期：文件名里没有日期（如 2023-05-19.txt），正文也没有报头或电头日期');
  const check = checkIssueDate(read.text, date, today);
  if (check.error) return refuse(check.error, date);
  try {
    const r = await ingestIssue(prisma, {
      text: read.text, date, publication: input.publication, page: input.page ?? null,
      sourceFileName: baseName(name).slice(0, 200), userId: input.userId ?? null, today, extract: input.extract,
      onProgress: (f, stage) => input.onProgress?.(0.1 + f * 0.85, stage),
    });
    if (r.alreadyImported) {
      const message = duplicateMessage(r, date);
      await prisma.auditLog.create({
        data: {
          userId: input.userId ?? null, action: 'import_duplicate', entityType: 'issue', entityId: String(r.issueId), note: message,
          after: { file: name, date, duplicateOf: r.duplicateOf ? { ...r.duplicateOf } : null, batch: true },
        },
      });
      return { status: 'duplicate', file: name, issueId: r.issueId, date: r.duplicateOf?.date ?? date, message };
    }
    await input.onProgress?.(1, 'done');
    return { status: 'imported', file: name, issueId: r.issueId, date, articles: r.articles, facts: r.facts };
  } catch (e) {
    if (e instanceof IngestError) return refuse(e.message, date);
    throw e;
  }
}

export interface BatchSummary {
  files: number;
  imported: number;
  duplicates: number;
  refused: number;
  articles: number;
  facts: number;
}

export function summarise(outcomes: FileOutcome[]): BatchSummary {
  const s: BatchSummary = { files: outcomes.length, imported: 0, duplicates: 0, refused: 0, articles: 0, facts: 0 };
  for (const o of outcomes) {
    if (o.status === 'imported') {
      s.imported++;
      s.articles += o.articles;
      s.facts += o.facts;
    } else if (o.status === 'duplicate') s.duplicates++;
    else s.refused++;
  }
  return s;
}
