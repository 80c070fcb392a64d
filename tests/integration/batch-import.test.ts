// A month at once against a real database: files (and a zip) queued by the admin's action, worked
// through by the background runner one at a time, each with its result line; a file that fails
// half-way through its transaction leaves nothing of itself and the others are imported; refusals
// carry their reason into the job and the audit log. And `npm run ingest -- DIR`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { enqueueBatchImport } = await import('@/lib/actions/batch-import');
const { importQueueIdle, runImportQueue } = await import('@/lib/ingest/jobs');
const { GET: jobsGET } = await import('@/app/api/import-jobs/route');
const { dateFromFileName } = await import('@/lib/ingest/batch');

const page = (n: number, extra = '') =>
  `湘潭经开区第${n}期工业投资快速增长\n\n本报讯（记者 张三）今年一季度，湘潭经开区完成工业投资${40 + n}.5亿元，同比增长1${n}.5%。${extra}\n`;

function form(batchId: string, files: File[]): FormData {
  const fd = new FormData();
  fd.set('batchId', batchId);
  fd.set('publication', '湘潭日报');
  for (const f of files) fd.append('files', f, f.name);
  return fd;
}
const txt = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('file names give dates', () => {
  it.each([
    ['2023-05-19.txt', '2023-05-19'],
    ['archive/湘潭日报_2023_05_19_A1.pdf', '2023-05-19'],
    ['20230519.txt', '2023-05-19'],
    ['2023-02-30.txt', null],
    ['page-1.txt', null],
  ])('%s → %s', (name, date) => expect(dateFromFileName(name)).toBe(date));
});

describe.each(availableBackends())('batch import (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    await actAs(db.prisma, { username: 'batch-admin', role: 'admin' });
    // A real failure inside one file's transaction: the fact insert of a marked text raises.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.evidence LIKE '%故障注入%' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER test_fail_marked BEFORE INSERT ON fact FOR EACH ROW EXECUTE FUNCTION test_fail_marked()`);
  }, 180_000);
  afterAll(async () => {
    await importQueueIdle();
    forgetAppDatabase();
    await db?.destroy();
  });

  it('refuses viewers and writes no job', async () => {
    await actAs(db.prisma, { username: 'batch-viewer', role: 'viewer' });
    const r = await enqueueBatchImport(null, form('batch-viewer-1', [txt('2023-03-01.txt', page(1))]));
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(await db.prisma.importJob.count()).toBe(0);
    await actAs(db.prisma, { username: 'batch-admin', role: 'admin' });
  });

  it('imports each file as a job: result lines, duplicates, refusals with reasons, a zip unpacked, a failing file leaves nothing', async () => {
    const issuesBefore = await db.prisma.issue.count();
    const zip = zipSync({ 'march/2023-03-04.txt': strToU8(page(4)), 'march/.DS_Store': new Uint8Array([0]), 'march/notes.doc': strToU8('x') });
    const files = [
      txt('2023-03-01.txt', page(1)),
      txt('2023-03-02.txt', page(2)),
      txt('2023-03-03.txt', page(1)), // the same text as 03-01: a duplicate naming the other date
      txt('no-date.txt', '园区新增企业15家，完成投资12亿元。'), // no date in name or text
      txt('2023-03-05.txt', page(5, '项目总投资8亿元，故障注入。')), // fails inside its transaction
      new File([zip], 'month.zip', { type: 'application/zip' }),
      new File(['%PNG'], 'photo.png'),
    ];
    const batch = 'batch-test-0001';
    const r = await enqueueBatchImport(null, form(batch, files));
    expect(r).toMatchObject({ ok: true });
    await importQueueIdle();
    await runImportQueue(db.prisma); // nothing left: the runner worked through all of them
    const res = await jobsGET(new Request(`http://test.local/api/import-jobs?batch=${batch}`), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { fileName: string; status: string; progress: number; result: Record<string, unknown> }[] };
    const by = new Map(items.map((j) => [j.fileName, j]));
    expect(items.every((j) => j.status === 'done' || j.status === 'failed')).toBe(true);
    expect(items.every((j) => j.progress === 100)).toBe(true);
    expect(by.get('2023-03-01.txt')?.result).toMatchObject({ status: 'imported', date: '2023-03-01', articles: 1 });
    expect(Number(by.get('2023-03-01.txt')?.result.facts)).toBeGreaterThan(0);
    expect(by.get('2023-03-02.txt')?.result).toMatchObject({ status: 'imported', date: '2023-03-02' });
    expect(by.get('2023-03-03.txt')?.result).toMatchObject({ status: 'duplicate' });
    expect(String(by.get('2023-03-03.txt')?.result.message)).toContain('日期为 2023-03-01，不是 2023-03-03');
    expect(by.get('no-date.txt')).toMatchObject({ status: 'failed' });
    expect(String(by.get('no-date.txt')?.result.reason)).toMatch(/无法确定出版日期/);
    expect(by.get('2023-03-05.txt')).toMatchObject({ status: 'failed' });
    expect(String(by.get('2023-03-05.txt')?.result.reason)).toMatch(/未保存任何内容/);
    expect(by.get('month.zip/march/2023-03-04.txt')?.result).toMatchObject({ status: 'imported', date: '2023-03-04' });
    expect(by.get('photo.png')).toMatchObject({ status: 'failed' });
    expect([...by.keys()].some((k) => k.includes('DS_Store') || k.includes('notes.doc'))).toBe(false);
    // All or nothing per file: the failing file left no issue, no article, no fact.
    expect(await db.prisma.issue.count()).toBe(issuesBefore + 3);
    expect(await db.prisma.article.count({ where: { body: { contains: '故障注入' } } })).toBe(0);
    expect(await db.prisma.issue.count({ where: { sourceFileName: '2023-03-05.txt' } })).toBe(0);
    // Failed imports are in the audit log with their reason; the file bytes are not kept.
    expect((await db.prisma.auditLog.findFirst({ where: { action: 'import_failed' }, orderBy: { id: 'desc' } }))?.note).toMatch(/disk full/);
    expect((await db.prisma.auditLog.findFirst({ where: { action: 'import_refused', note: { contains: '无法确定出版日期' } } }))).not.toBeNull();
    expect(await db.prisma.importJob.count({ where: { content: { not: null } } })).toBe(0);
  });

  it('npm run ingest -- DIR: one JSON line per file, a summary, a progress bar on stderr', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xt-ingest-dir-'));
    try {
      mkdirSync(path.join(dir, 'files'));
      writeFileSync(path.join(dir, 'files', '2023-04-01.txt'), page(7));
      writeFileSync(path.join(dir, 'files', '2023-04-02.txt'), page(8));
      writeFileSync(path.join(dir, 'files', 'undated.txt'), '园区新增企业15家。');
      // The demo page carries its own datelines (5月18日 → 2023-05-19).
      writeFileSync(path.join(dir, 'files', 'demo-page.txt'), readFileSync('prisma/seed/demo/xiangtan-daily-2023-05-19.txt'));
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'db') };
      delete env.DATABASE_URL;
      const run = spawnSync(process.execPath, ['scripts/run.mjs', 'ingest', path.join(dir, 'files')], { env, encoding: 'utf8', timeout: 300_000 });
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const summary = lines.at(-1)?.summary;
      expect(summary).toEqual(expect.objectContaining({ files: 4, imported: 3, duplicates: 0, refused: 1 }));
      expect(lines.find((l) => l.file === 'demo-page.txt')).toMatchObject({ status: 'imported', date: '2023-05-19' });
      expect(lines.find((l) => l.file === 'undated.txt')).toMatchObject({ status: 'refused' });
      expect(run.stderr).toMatch(/\[#+-*\] 4\/4/);
      expect(run.stderr).toMatch(/3 imported/);
      expect(run.status).toBe(1); // a refusal is reported in the exit code
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
