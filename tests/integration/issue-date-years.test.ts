// Correcting an issue's date re-reads the years its figures took from the date: a draft that says
// 今年 moves to the new date's year (audited), a year written out stays, an approved figure is left
// as it is and listed on the issue's record for the admin to decide.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { actAs, forgetAppDatabase, request, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { importIssue } = await import('@/lib/actions/import');
const { updateIssue } = await import('@/lib/actions/issues');
const { approveFacts } = await import('@/lib/actions/facts');
const { runAsSystem } = await import('@/lib/auth/dal');
const { getIssueRecord } = await import('@/lib/data/issues');

const TEXT = '园区上半年经济运行良好\n\n今年以来，湘潭经开区完成工业投资45.6亿元，同比增长12.5%。湘潭高新区今年新引进项目23个。2022年，湘潭高新区实现技工贸总收入1200亿元。\n';

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe.each(availableBackends())('an issue date correction re-reads relative years (%s)', (backend) => {
  let db: TestDatabase;
  let issueId = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    resetRequest();
    await actAs(db.prisma, { username: 'years-admin', role: 'admin' });
    const r = await importIssue(null, form({ publication: '湘潭日报', date: '2023-05-10', page: '1', text: TEXT }));
    if (!r?.ok || r.data?.kind !== 'imported') throw new Error(JSON.stringify(r));
    issueId = r.data.issueId;
  }, 180_000);
  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  const factOf = (value: string) =>
    db.prisma.fact.findFirstOrThrow({ where: { article: { issueId }, rawText: { startsWith: value } }, select: { id: true, version: true, year: true, status: true } });

  it('moves the 今年 draft, keeps the written year and the approved figure, lists the approved one, audits', async () => {
    const invest = await factOf('45.6');
    const projects = await factOf('23');
    const revenue = await factOf('1200');
    expect([invest.year, projects.year, revenue.year]).toEqual([2023, 2023, 2022]);
    expect(await approveFacts({ items: [{ id: invest.id, version: invest.version }] })).toMatchObject({ ok: true });

    const v = (await db.prisma.issue.findUniqueOrThrow({ where: { id: issueId } })).version;
    const r = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭日报', date: '2024-05-10', page: '1', confirmDate: 'on' }));
    expect(r).toMatchObject({ ok: true, data: { approvedToCheck: [invest.id] } });
    // The 23 projects and the growth of the 今年以来 sentence: every draft whose year came from the date.
    const drafts = await db.prisma.fact.findMany({ where: { article: { issueId }, status: 'draft' }, select: { year: true, rawText: true } });
    if (r?.ok) expect(r.data?.redated).toBe(drafts.filter((d) => d.year === 2024).length);

    expect(await factOf('23')).toMatchObject({ status: 'draft', year: 2024, version: projects.version + 1 });
    expect(await factOf('1200')).toMatchObject({ year: 2022 });
    expect(await factOf('45.6')).toMatchObject({ status: 'approved', year: 2023 });

    const factLog = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'fact', entityId: String(projects.id), action: 'update' } });
    expect(factLog.before).toEqual({ year: 2023 });
    expect(factLog.after).toEqual({ year: 2024 });
    expect(factLog.note).toContain('2023-05-10 → 2024-05-10');
    const issueLog = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'issue', entityId: String(issueId), action: 'update' }, orderBy: { id: 'desc' } });
    expect(issueLog.note).toContain(`#${invest.id}`);

    const record = await runAsSystem('test', () => getIssueRecord(issueId));
    expect(record?.yearsToCheck).toEqual([expect.objectContaining({ factId: invest.id, year: 2023, newYear: 2024, fromDate: '2023-05-10' })]);
  });

  it('a date after today is refused, in the language of the request', async () => {
    const v = (await db.prisma.issue.findUniqueOrThrow({ where: { id: issueId } })).version;
    const zh = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭日报', date: '2099-01-01', page: '1' }));
    expect(zh).toMatchObject({ ok: false, status: 400 });
    if (zh && !zh.ok) expect(zh.fieldErrors?.date?.[0]).toMatch(/不能晚于今天/);
    request.cookies.set('lang', 'en');
    try {
      const en = await updateIssue(form({ id: String(issueId), version: String(v), publication: '湘潭日报', date: '2099-01-01', page: '1' }));
      expect(en).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/^The date 2099-01-01 is after today/) });
      if (en && !en.ok) expect(en.fieldErrors?.date?.[0]).toMatch(/^The date cannot be after today/);
      const bad = await updateIssue(form({ id: String(issueId), version: String(v), publication: '', date: '2023-13-45', page: '1' }));
      expect(bad).toMatchObject({ ok: false, status: 400, message: 'Some fields need attention: see the marked ones', fieldErrors: { publication: ['Enter the newspaper'] } });
    } finally {
      request.cookies.delete('lang');
    }
    expect((await db.prisma.issue.findUniqueOrThrow({ where: { id: issueId } })).version).toBe(v);
  });

  it('an approved figure corrected by hand drops off the list', async () => {
    const invest = await factOf('45.6');
    await db.prisma.fact.update({ where: { id: invest.id }, data: { year: 2024 } });
    const record = await runAsSystem('test', () => getIssueRecord(issueId));
    expect(record?.yearsToCheck).toEqual([]);
  });
});
