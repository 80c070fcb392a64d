// The explorer on a real database (PGlite, and PostgreSQL when DATABASE_URL is set), with the
// demo issue approved: every filter option offered returns exactly the rows it says (never
// nothing), the first view is a metric with park figures, the pivot's cells are the approved
// figures, and saved views belong to their owner alone (another analyst's id answers 404 and
// changes nothing).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '@/tests/support/test-db';
import { asSystem } from '@/tests/support/system-caller';
import { actAs, forgetAppDatabase, resetRequest, useAppDatabase } from './support/auth-context';

vi.mock('next/headers', async () => (await import('./support/auth-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./support/auth-context')).nextCacheMock);

const { getExplorerOptions, getFirstView, getPlaceFigures } = await import('@/lib/data/explorer');
const { listFacts } = await import('@/lib/data/fact-list');
const { listSavedViews, getStartView } = await import('@/lib/data/saved-views');
const { saveView, deleteView, setStartView } = await import('@/lib/actions/saved-views');
const { buildPivot } = await import('@/lib/explorer/pivot');

describe.each(availableBackends())('explorer data (%s)', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
    useAppDatabase(db);
    const { loadDemoIssue } = await import('@/lib/seed/demo');
    await loadDemoIssue(db.prisma);
    await db.prisma.fact.updateMany({ data: { status: 'approved' } });
  }, 180_000);

  afterAll(async () => {
    forgetAppDatabase();
    await db?.destroy();
  });

  const options = asSystem(getExplorerOptions);
  const facts = asSystem(listFacts);

  it('offers only options that return rows, with the count the table shows', async () => {
    const all = await options({});
    expect(all.metrics.length).toBeGreaterThan(0);
    expect(all.years.length).toBeGreaterThan(0);
    expect(all.parks.length).toBeGreaterThan(0);
    const checks: [string, Record<string, unknown>, number][] = [
      ...all.metrics.map((m) => [`metric ${m.key}`, { metric: m.key }, m.count] as [string, Record<string, unknown>, number]),
      ...all.parks.map((p) => [`park ${p.name}`, { park: p.id }, p.count] as [string, Record<string, unknown>, number]),
      ...all.regions.map((r) => [`region ${r.name}`, { region: r.code }, r.count] as [string, Record<string, unknown>, number]),
      ...all.years.map((y) => [`year ${y.year}`, { yearFrom: y.year, yearTo: y.year }, y.count] as [string, Record<string, unknown>, number]),
      ...all.kinds.map((k) => [`kind ${k.kind}`, { kind: [k.kind] }, k.count] as [string, Record<string, unknown>, number]),
    ];
    for (const [label, filter, count] of checks) {
      const page = await facts(filter, undefined, 1);
      expect(page.total, label).toBe(count);
      expect(count, label).toBeGreaterThan(0);
    }
    // No year the data does not have (the old list ran 2010–2028).
    const years = new Set(all.years.map((y) => y.year));
    const { items } = await facts({}, undefined, 500);
    for (const y of years) expect(items.some((f) => f.year === y)).toBe(true);
  });

  it('counts each dimension under the other filters, and cascades parks from the county', async () => {
    const all = await options({});
    const year = all.years[0]!.year;
    const inYear = await options({ yearFrom: year, yearTo: year });
    for (const m of inYear.metrics) expect((await facts({ metric: m.key, yearFrom: year, yearTo: year }, undefined, 1)).total, m.key).toBe(m.count);
    // The year list itself ignores the year filter (so another year can be chosen).
    expect(inYear.years.map((y) => y.year)).toEqual(all.years.map((y) => y.year));
    const county = all.regions.find((r) => r.level === 'county' && all.parks.some((p) => p.regionCode === r.code));
    if (county) {
      const inCounty = await options({ region: county.code });
      expect(inCounty.parks.length).toBeGreaterThan(0);
      expect(inCounty.parks.every((p) => p.regionCode === county.code)).toBe(true);
    }
  });

  it('first view: the busiest catalogued metric, in a year it has park figures', async () => {
    const first = await asSystem(getFirstView)();
    expect(first).not.toBeNull();
    const { figures } = await asSystem(getPlaceFigures)({ metric: first!.metric, yearFrom: first!.year, yearTo: first!.year, kind: ['actual'] });
    expect(figures.some((f) => f.place.type === 'park')).toBe(true);
  });

  it('pivot cells are the approved figures (one per figure), with the county beside each park', async () => {
    const { figures } = await asSystem(getPlaceFigures)({});
    expect(figures.length).toBeGreaterThan(0);
    const pivot = buildPivot(figures, { cols: 'year', lang: 'zh' });
    const cells = pivot.groups.flatMap((g) => g.rows.flatMap((r) => Object.values(r.cells)));
    const figuresInCells = cells.reduce((n, c) => n + (c?.figures ?? 0), 0);
    expect(figuresInCells).toBe(figures.filter((f) => f.period === '').length);
    for (const f of figures) if (f.place.type === 'park') expect(f.place.county, f.place.name).not.toBeNull();
  });

  it('saved views are per user: the owner lists, starts and deletes; another analyst cannot', async () => {
    resetRequest();
    await actAs(db.prisma, { username: 'ana-a', role: 'analyst' });
    const saved = await saveView({ name: '湘乡 2023', query: 'metric=gross_output&yearFrom=2023&cursor=abc&evil=1&view=pivot&psort=2023:desc' });
    expect(saved.ok).toBe(true);
    const id = (saved as { data: { id: number } }).data.id;
    const mine = await listSavedViews();
    expect(mine.map((v) => [v.name, v.query])).toEqual([['湘乡 2023', 'metric=gross_output&yearFrom=2023&view=pivot&psort=2023%3Adesc']]);
    expect((await saveView({ name: '湘乡 2023', query: 'metric=x' })).ok).toBe(false);
    expect((await setStartView({ id, start: true })).ok).toBe(true);
    expect(await getStartView()).toBe(mine[0]!.query);

    resetRequest();
    await actAs(db.prisma, { username: 'ana-b', role: 'analyst' });
    expect(await listSavedViews()).toEqual([]);
    expect(await getStartView()).toBeNull();
    const del = await deleteView({ id });
    expect(del).toMatchObject({ ok: false, status: 404 });
    expect(await setStartView({ id, start: false })).toMatchObject({ ok: false, status: 404 });
    expect(await db.prisma.savedView.count({ where: { id } })).toBe(1);
    expect((await db.prisma.savedView.findUniqueOrThrow({ where: { id } })).isStart).toBe(true);

    resetRequest();
    await actAs(db.prisma, { username: 'ana-viewer', role: 'viewer' });
    expect(await saveView({ name: 'x', query: '' })).toMatchObject({ ok: false, status: 403 });

    resetRequest();
    await actAs(db.prisma, { username: 'ana-a', role: 'analyst' });
    expect((await deleteView({ id })).ok).toBe(true);
    expect(await listSavedViews()).toEqual([]);
  });
});
