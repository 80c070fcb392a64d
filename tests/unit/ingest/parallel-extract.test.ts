// A big issue extracted on worker threads (lib/ingest/parallel-extract.ts, the ingest CLI's path)
// gives exactly what extractIssue gives on one thread: the same articles and the same facts in the
// same order, whatever the runs the articles are cut into and whoever extracts each run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CATALOG,
  DEFAULT_PLACES,
  extractArticles,
  extractIssue,
  issueArticles,
  issueContext,
  normalizeIssueText,
} from '@/lib/extract';
import { articleRuns, createExtractPool, type ExtractPool } from '@/lib/ingest/parallel-extract';

const DEMO = readFileSync(path.resolve(process.cwd(), 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt'), 'utf8');
const CASES = path.resolve(process.cwd(), '../shared/cases/extraction-round2.jsonl');

/**
 * The demo issue repeated with its figures varied (as the benchmark's 10 MB issue is built), then
 * the shared extraction passages, each as an article of its own: ~300k characters, 400+ articles.
 */
function bigIssue(): string {
  const parts: string[] = [];
  for (let i = 0; i < 40; i++) {
    parts.push(`${DEMO.replace(/(\d+)(\s*亿元)/g, (_m, n: string, u: string) => `${Number(n) + i}${u}`)}\n（第 ${i + 1} 份）\n`);
  }
  if (existsSync(CASES)) {
    for (const line of readFileSync(CASES, 'utf8').split('\n')) {
      if (line.trim()) parts.push(`${(JSON.parse(line) as { text: string }).text}\n`);
    }
  }
  return parts.join('\n');
}

const TEXT = bigIssue();
const OPTS = { date: '2023-05-20', publication: '湘潭日报' };
const whole = extractIssue(TEXT, OPTS);

describe('an issue cut into runs of articles', () => {
  it('has the facts of its runs, concatenated in order, for any run length', () => {
    expect(whole.articles.length).toBeGreaterThan(400);
    expect(whole.facts.length).toBeGreaterThan(1000);
    const articles = issueArticles(TEXT);
    expect(articles).toEqual(whole.articles);
    const ctx = issueContext(OPTS);
    for (const chars of [1, 5_000, 40_000, 1e9]) {
      const runs = articleRuns(articles, chars);
      expect(runs.flat()).toEqual(articles);
      expect(runs.flatMap((run) => extractArticles(run, ctx))).toEqual(whole.facts);
    }
  });

  it('extracts the same from the text already normalised', () => {
    const normalised = normalizeIssueText(TEXT);
    expect(JSON.stringify(extractIssue(normalised, { ...OPTS, normalised: true }))).toBe(JSON.stringify(whole));
  });
});

describe('the pool of extraction workers', () => {
  let pool: ExtractPool;
  beforeAll(async () => {
    // Short runs, so every thread takes many and the answers come back out of order.
    pool = createExtractPool(2, 10_000);
    await pool.ready();
  });
  afterAll(async () => pool?.close());

  it('returns byte for byte what extractIssue returns', async () => {
    const got = await pool.extract(TEXT, OPTS);
    expect(JSON.stringify(got)).toBe(JSON.stringify(whole));
    // The workers did take runs (a pool whose workers failed would pass the line above).
    expect(pool.runs.workers).toBeGreaterThan(0);
    expect(pool.runs.thread).toBeGreaterThan(0);
  }, 120_000);

  it('with the database’s places and catalogue (copied to the workers) and a normalised text', async () => {
    const places = structuredClone(DEFAULT_PLACES);
    const catalog = structuredClone(DEFAULT_CATALOG);
    // A park the data file does not list: the workers must use the places they are given.
    places.parks.push({ name: '测试新城片区', home: places.parks[0]?.home ?? '', aliases: ['测试新城'] });
    const text = `${TEXT}\n测试新城建设提速\n本报讯 测试新城片区今年引进项目18个，完成投资12亿元。\n`;
    const opts = { ...OPTS, places, catalog };
    const expected = extractIssue(text, opts);
    expect(expected.facts.some((f) => f.subject?.name === '测试新城片区')).toBe(true);
    const got = await pool.extract(normalizeIssueText(text), { ...opts, normalised: true });
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  }, 120_000);

  it('extracts on this thread alone once its workers are gone', async () => {
    const gone = createExtractPool(1, 10_000);
    await gone.close();
    expect(JSON.stringify(await gone.extract(TEXT, OPTS))).toBe(JSON.stringify(whole));
    expect(gone.runs.workers).toBe(0);
  }, 120_000);
});
