// Import action against a real database (PGlite, plus PostgreSQL when DATABASE_URL is set):
// paste, .txt in UTF-8 and GBK, PDF, and the refusals (0-byte, 20 MB, PNG renamed .txt,
// scanned PDF, same issue twice) — each with its message, the exact rows left in the database,
// and the audit rows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, tableCounts, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { importIssue, previewImport } = await import('@/lib/actions/import');

const DEMO = readFileSync('prisma/seed/demo/xiangtan-daily-2023-05-19.txt', 'utf8');
const SMALL = '湘潭经开区一季度工业投资快速增长\n\n本报讯（记者 张三）今年一季度，湘潭经开区完成工业投资45.6亿元，同比增长12.5%。园区新引进项目23个，其中投资过亿元项目8个。\n';

function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
const meta = { publication: '湘潭日报', date: '2023-05-19', page: '1' };

// GBK bytes of SMALL: Node's TextDecoder decodes GB18030 but has no encoder, so build a table
// from the decoder for the characters we need.
function encodeGbk(text: string): Uint8Array<ArrayBuffer> {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

function textPdf(text: string): Uint8Array<ArrayBuffer> {
  const content = `BT /F1 10 Tf 10 150 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(new TextEncoder().encode(out));
}

describe.each(availableBackends())('admin import (%s)', (backend) => {
  let db: TestDatabase;
  const counts = async () => {
    const c = await tableCounts(db);
    return { issue: c.issue ?? 0, article: c.article ?? 0, fact: c.fact ?? 0 };
  };
  const audits = (action: string) => db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    await actAs(db.prisma, { username: 'imp-admin', role: 'admin' });
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  it('refuses viewers and analysts without writing', async () => {
    await actAs(db.prisma, { username: 'imp-viewer', role: 'viewer' });
    const before = await counts();
    const r = await importIssue(null, form({ ...meta, text: SMALL }));
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(await counts()).toEqual(before);
    await actAs(db.prisma, { username: 'imp-admin', role: 'admin' });
  });

  it('validates the form fields and echoes what was typed', async () => {
    const r = await importIssue(null, form({ publication: '', date: '2023-13-45', page: '1', text: SMALL }));
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.status).toBe(400);
      expect(r.fieldErrors?.publication?.[0]).toMatch(/报纸/);
      expect(r.fieldErrors?.date?.length).toBeGreaterThan(0);
    }
    expect(r?.values?.text).toBe(SMALL);
    const empty = await importIssue(null, form({ ...meta, text: '   ' }));
    expect(empty).toMatchObject({ ok: false, status: 400 });
  });

  it('previews the demo issue without writing', async () => {
    const before = await counts();
    const r = await previewImport(null, form({ ...meta, text: DEMO }));
    expect(r?.ok).toBe(true);
    if (r?.ok && r.data?.kind === 'preview') {
      expect(r.data.preview.articles.length).toBeGreaterThan(5);
      expect(r.data.preview.facts.length).toBeGreaterThan(10);
      expect(r.data.preview.alreadyImportedIssueId).toBeNull();
    } else throw new Error('no preview');
    expect(await counts()).toEqual(before);
  });

  it('0-byte file: refused with a message, nothing stored, attempt audited', async () => {
    const before = await counts();
    const r = await importIssue(null, form({ ...meta, text: '', file: new File([], 'empty.txt', { type: 'text/plain' }) }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r && !r.ok) expect(r.fieldErrors?.file?.[0]).toMatch(/空|0 字节/);
    expect(r?.values).toMatchObject({ publication: '湘潭日报', date: '2023-05-19' });
    expect(await counts()).toEqual(before);
    expect((await audits('import_refused')).at(-1)?.note).toMatch(/0 字节/);
  });

  it('20 MB file: refused by size before reading, nothing stored', async () => {
    const before = await counts();
    const big = new File([new Uint8Array(20 * 1024 * 1024).fill(0x41)], 'big.txt', { type: 'text/plain' });
    // The action must decide on file.size alone: no method that reads the bytes may run.
    const reads = [vi.spyOn(Blob.prototype, 'arrayBuffer'), vi.spyOn(Blob.prototype, 'stream'), vi.spyOn(Blob.prototype, 'text')];
    const r = await importIssue(null, form({ ...meta, text: '' , file: big }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r && !r.ok) expect(r.message).toMatch(/过大.*10 MB/);
    for (const spy of reads) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    expect(await counts()).toEqual(before);
    expect((await audits('import_refused')).at(-1)?.note).toMatch(/过大/);
  });

  it('PNG renamed .txt: "不是文本文件", nothing stored', async () => {
    const before = await counts();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
    const r = await importIssue(null, form({ ...meta, text: '', file: new File([png], 'photo.txt', { type: 'text/plain' }) }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r && !r.ok) expect(r.message).toContain('不是文本文件');
    expect(await counts()).toEqual(before);
  });

  it('a PDF without a text layer gets the scanned-page message', async () => {
    const before = await counts();
    const scan = textPdf(''); // a page with an empty text run: no text layer to speak of
    const r = await importIssue(null, form({ ...meta, text: '', file: new File([scan], 'scan.pdf', { type: 'application/pdf' }) }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r && !r.ok) expect(r.message).toMatch(/没有文字层/);
    expect(await counts()).toEqual(before);
  });

  it('a PDF with a text layer is read and imported', async () => {
    const pdf = textPdf('Xiangtan page one: the industrial park reported 2023 output and investment figures today.');
    const r = await previewImport(null, form({ ...meta, date: '2023-06-01', text: '', file: new File([pdf], 'page1.pdf', { type: 'application/pdf' }) }));
    expect(r?.ok).toBe(true);
    if (r?.ok && r.data?.kind === 'preview') {
      expect(r.data.text).toContain('Xiangtan page one');
      expect(r.data.sourceFileName).toBe('page1.pdf');
    }
  });

  it('GBK .txt is decoded and imported: issue, articles and draft facts, audited', async () => {
    const before = await counts();
    const bytes = encodeGbk(SMALL);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = await importIssue(null, form({ ...meta, date: '2023-04-10', text: '', file: new File([bytes], 'gbk.txt', { type: 'text/plain' }) }));
    expect(r?.ok).toBe(true);
    if (!r?.ok || r.data?.kind !== 'imported') throw new Error(JSON.stringify(r));
    const issue = await db.prisma.issue.findUniqueOrThrow({ where: { id: r.data.issueId }, include: { articles: true } });
    expect(issue.sourceFileName).toBe('gbk.txt');
    expect(issue.articles[0]?.body).toContain('湘潭经开区完成工业投资45.6亿元');
    const facts = await db.prisma.fact.findMany({ where: { article: { issueId: issue.id } } });
    expect(facts.length).toBe(r.data.facts);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => f.status === 'draft')).toBe(true);
    expect(facts.some((f) => f.value.toString() === '4560000000')).toBe(true);
    const after = await counts();
    expect(after.issue).toBe(before.issue + 1);
    expect(after.article).toBe(before.article + issue.articles.length);
    expect(after.fact).toBe(before.fact + facts.length);
    const log = (await audits('import')).at(-1);
    expect(log?.entityId).toBe(String(issue.id));
    expect(log?.userId).not.toBeNull();
  });

  it('the same issue twice: second import changes nothing and points at the first', async () => {
    const first = await importIssue(null, form({ ...meta, text: DEMO }));
    expect(first?.ok).toBe(true);
    if (!first?.ok || first.data?.kind !== 'imported') throw new Error('first import failed');
    const before = await counts();
    // Same text with different line endings and spacing normalises to the same checksum.
    const again = await importIssue(null, form({ ...meta, page: '2', text: DEMO.replace(/\n/g, '\r\n') }));
    expect(again).toMatchObject({ ok: false, status: 409 });
    if (again && !again.ok) {
      expect(again.message).toContain('已导入过');
      expect(again.fieldErrors?._form).toContain(`duplicate:${first.data.issueId}`);
    }
    expect(await counts()).toEqual(before);
    expect((await audits('import_duplicate')).at(-1)?.entityId).toBe(String(first.data.issueId));
    const preview = await previewImport(null, form({ ...meta, text: DEMO }));
    if (preview?.ok && preview.data?.kind === 'preview') expect(preview.data.preview.alreadyImportedIssueId).toBe(first.data.issueId);
    else throw new Error('preview failed');
  });
});
