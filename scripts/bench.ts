// npm run bench [-- --database-url URL] [--duration 8] [--connections 1,10,50] [--skip-import] [--skip-load]
//                 [--skip-extract] [--skip-floor] [--quick] [--only 'API,health']
// Benchmarks the production build on the synthetic 1M-fact database (npm run seed:synthetic):
// HTTP latency and throughput of the APIs and dashboard pages at 1, 10 and 50 connections
// (autocannon, 127.0.0.1 only, bounded in time), each also as a ratio to the HTTP floor
// (/api/health: Next plus SELECT 1) measured in the same run; the aggregate in SQL as the SQL
// floor; the extraction CLIs' throughput against Recognizers-Text on the same ~1 MB; import
// times (a 10 MB issue end to end, a batch of 100 issues); first-load JavaScript per page.
// --quick: 3 s per row at 10 and 50 connections (for a shared machine). --only: the load rows whose
// target name contains one of the comma-separated words (the floor row is always kept). Prints
// tables; asserts nothing.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { formatTable, median, percentile } from '@/scripts/bench/stats';
import { SYNTHETIC_MARKER_TABLE } from '@/scripts/bench/synthetic';
import { startAppServer, type AppServer } from '../tests/e2e/support/server';
import { sessionCookieName } from '../tests/e2e/support/session';
import { createTestDatabase } from '../tests/support/test-db';
import { runMain } from './cli-support';

const DEFAULT_SYNTHETIC_URL = 'postgresql://postgres@127.0.0.1:5432/xt_scale';

interface LoadRow {
  target: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Mean bytes of an answer on the wire (compressed, as browsers ask for it). */
  bytes: number;
}

/** A user and a session straight in the database, as a signed-in analyst would have. */
async function benchSession(client: pg.Client): Promise<string> {
  const user = await client.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, updated_at)
     VALUES ('bench', '基准测试 (bench)', '!disabled-bench-account', 'analyst', now())
     ON CONFLICT (username) DO UPDATE SET active = true RETURNING id`,
  );
  const token = randomBytes(32).toString('base64url');
  const id = createHash('sha256').update(token).digest('hex');
  await client.query(`INSERT INTO session (id, user_id, expires_at, user_agent) VALUES ($1, $2, now() + interval '2 hours', 'bench')`, [
    id,
    user.rows[0]?.id,
  ]);
  return `${sessionCookieName()}=${token}`;
}

async function load(url: string, connections: number, seconds: number, cookie: string): Promise<Omit<LoadRow, 'target' | 'connections'>> {
  const latencies: number[] = [];
  let bad = 0;
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // As a browser asks: compressed answers (the page cache keeps one per Accept-Encoding).
    const headers = { cookie, 'accept-encoding': 'gzip, deflate, br' };
    const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers }, (err, res) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res),
    );
    instance.on('response', (_client, status, size, ms) => {
      latencies.push(ms);
      bytes += size;
      if (status >= 400) bad++;
    });
  });
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: bad + result.errors + result.timeouts,
    bytes: latencies.length ? bytes / latencies.length : 0,
  };
}

async function firstLoadJs(base: string, pagePath: string, cookie: string): Promise<{ status: number; scripts: number; raw: number; gzip: number }> {
  const res = await fetch(base + pagePath, { headers: { cookie }, redirect: 'manual' });
  const html = await res.text();
  const srcs = new Set<string>();
  // nomodule scripts (legacy polyfills) are never loaded by the browsers the app supports.
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)) {
    if (m[2] && !/nomodule/i.test(`${m[1] ?? ''}${m[3] ?? ''}`)) srcs.add(m[2]);
  }
  for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|preload)"[^>]+as="script"[^>]+href="([^"]+)"/g)) if (m[1]) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]+as="script"/g)) if (m[1]) srcs.add(m[1]);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, '&'), base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { status: res.status, scripts: srcs.size, raw, gzip };
}

async function sqlFloor(client: pg.Client, sql: string, params: unknown[], runs = 30): Promise<{ p50: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t = process.hrtime.bigint();
    const r = await client.query(sql, params);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (i >= 3) times.push(ms); // first runs warm the cache
    rows = r.rowCount ?? 0;
  }
  return { p50: median(times), p95: percentile(times, 95), rows };
}

/**
 * What an approval costs the caches: an approved fact taken back to draft ("withdraw") and approved
 * again ("approve"), each UPDATE with the maintenance triggers of fact_aggregate and fact_figure,
 * timed inside a transaction that is rolled back (the data stays as it was).
 */
async function approvalRefresh(
  client: pg.Client,
  ids: number[],
): Promise<{ p50: number; p95: number; n: number; withdrawP50: number; withdrawP95: number }> {
  const times: number[] = [];
  const withdrawTimes: number[] = [];
  for (const id of ids) {
    await client.query('BEGIN');
    try {
      let t = process.hrtime.bigint();
      await client.query(`UPDATE fact SET status = 'draft' WHERE id = $1`, [id]);
      withdrawTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await client.query(`UPDATE fact SET status = 'approved' WHERE id = $1`, [id]);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return { p50: median(times), p95: percentile(times, 95), n: times.length, withdrawP50: median(withdrawTimes), withdrawP95: percentile(withdrawTimes, 95) };
}

/** Approved facts to approve again: the metric's first ones, and those of its busiest (park, year) group (the tail). */
async function approvalSamples(client: pg.Client, metricId: number, runs = 20): Promise<{ first: number[]; busiest: number[]; groupSize: number }> {
  const first = await client.query<{ id: number }>(
    `SELECT id FROM fact WHERE metric_id = $1 AND status = 'approved' AND deleted_at IS NULL ORDER BY id LIMIT $2`,
    [metricId, runs],
  );
  const group = await client.query<{ park_id: number; year: number; n: string }>(
    `SELECT park_id, year, count(*) AS n FROM fact WHERE metric_id = $1 AND park_id IS NOT NULL AND year IS NOT NULL
      GROUP BY park_id, year ORDER BY count(*) DESC LIMIT 1`,
    [metricId],
  );
  const g = group.rows[0];
  const busiest = g
    ? await client.query<{ id: number }>(
        `SELECT id FROM fact WHERE metric_id = $1 AND park_id = $2 AND year = $3 AND status = 'approved' AND deleted_at IS NULL ORDER BY id LIMIT $4`,
        [metricId, g.park_id, g.year, runs],
      )
    : { rows: [] };
  return { first: first.rows.map((r) => r.id), busiest: busiest.rows.map((r) => r.id), groupSize: Number(g?.n ?? 0) };
}

interface ImportTimes {
  cliDemoMs: number;
  demoMs: number;
  batch: number;
  batchMs: number;
  facts: number;
  bigBytes: number;
  bigMs: number;
  bigFacts: number;
  /** Why the 10 MB import failed, if it did. */
  bigError?: string;
  /** The 10 MB CLI's own account (`--timings`): start-up, database preparation, import, CPU of all its threads. */
  bigTimings?: { startupMs: number; prepareMs: number; importMs: number; cpuMs: number; workers: { thread: number; workers: number } | null };
  /** CPU of this process during the batch of 100 (user + system). */
  batchCpuMs: number;
  /** 1-minute load average before the import rows and after them (the machine is often shared). */
  load: [number, number];
}

async function importTimes(): Promise<ImportTimes | string> {
  if (!process.env.DATABASE_URL && !process.env.BENCH_IMPORT_SERVER) {
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
  }
  const load0 = os.loadavg()[0] ?? 0;
  const db = await createTestDatabase('postgres', { seed: true });
  try {
    const { DEMO_ISSUE } = await import('@/lib/seed/demo');
    const { ingestIssue } = await import('@/lib/ingest/ingest');
    // End to end: the CLI in its own process as `npm run ingest` starts it (scripts/run.mjs): start-up,
    // migration check, extraction, write.
    const t0 = Date.now();
    const cli = spawnSync(
      process.execPath,
      ['scripts/run.mjs', 'ingest', '--date', DEMO_ISSUE.date, '--publication', DEMO_ISSUE.publication, DEMO_ISSUE.file],
      { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8' },
    );
    const cliDemoMs = Date.now() - t0;
    if (cli.status !== 0) return `ingest CLI failed: ${cli.stderr.trim().split('\n').pop() ?? ''}`;
    const text = readFileSync(DEMO_ISSUE.file, 'utf8');
    // In process: the demo issue once more under another date (new checksum), then a batch of 100.
    const t1 = Date.now();
    await ingestIssue(db.prisma, { text: `${text}\n（基准测试副本）`, date: DEMO_ISSUE.date, publication: DEMO_ISSUE.publication, page: '2' });
    const demoMs = Date.now() - t1;
    const batch = 100;
    let facts = 0;
    const t2 = Date.now();
    const cpu2 = process.cpuUsage();
    for (let i = 0; i < batch; i++) {
      // Vary the text so every issue has its own checksum, as 100 different pages would.
      const variant = text.replace(/(\d+)(\s*亿元)/, (_m, n: string, u: string) => `${Number(n) + i + 1}${u}`) + `\n（批次 ${i + 1}）`;
      const r = await ingestIssue(db.prisma, { text: variant, date: DEMO_ISSUE.date, publication: DEMO_ISSUE.publication, page: `b${i}` });
      facts += r.facts;
    }
    const batchMs = Date.now() - t2;
    const batchCpu = process.cpuUsage(cpu2);
    const batchCpuMs = Math.round((batchCpu.user + batchCpu.system) / 1000);
    // A 10 MB issue (the largest the import page accepts), end to end through the ingest CLI:
    // start-up, reading, extraction, and storing every fact as a draft in one transaction.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xt-bench-'));
    try {
      const file = path.join(dir, 'issue-10mb.txt');
      writeFileSync(file, bigIssue(`${text}\n（十兆）`, 10_000_000));
      const t3 = Date.now();
      const big = spawnSync(
        process.execPath,
        ['scripts/run.mjs', 'ingest', '--timings', '--date', '2023-05-20', '--publication', DEMO_ISSUE.publication, file],
        { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const bigMs = Date.now() - t3;
      const common = { cliDemoMs, demoMs, batch, batchMs, batchCpuMs, facts, bigBytes: statSync(file).size, bigMs };
      if (big.status !== 0) {
        const why = /Transaction API error[^\n]*/.exec(big.stderr)?.[0] ?? big.stderr.trim().split('\n').slice(-3).join(' ');
        return { ...common, bigFacts: 0, bigError: why, load: [load0, os.loadavg()[0] ?? 0] };
      }
      const timings = /^timings (\{.*\})$/m.exec(big.stderr)?.[1];
      const bigTimings = timings ? (JSON.parse(timings) as ImportTimes['bigTimings']) : undefined;
      const bigFacts = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM fact f JOIN article a ON a.id = f.article_id JOIN issue i ON i.id = a.issue_id WHERE i.date = '2023-05-20'`))[0]?.n ?? 0);
      return { ...common, bigFacts, bigTimings, load: [load0, os.loadavg()[0] ?? 0] };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await db.destroy();
  }
}

const FLOOR = 'health (SELECT 1)';

interface FloorRatio {
  target: string;
  connections: number;
  rps: number;
  floorRps: number;
  rpsRatio: number;
  p95: number;
  floorP95: number;
  p95Ratio: number;
}

/** Each row's req/s and p95 against the floor row with the same number of connections. */
export function floorRatios(rows: LoadRow[]): FloorRatio[] {
  const out: FloorRatio[] = [];
  for (const r of rows) {
    const floor = rows.find((f) => f.target === FLOOR && f.connections === r.connections);
    if (!floor || r.target === FLOOR) continue;
    out.push({
      target: r.target,
      connections: r.connections,
      rps: r.rps,
      floorRps: floor.rps,
      rpsRatio: floor.rps > 0 ? r.rps / floor.rps : 0,
      p95: r.p95,
      floorP95: floor.p95,
      p95Ratio: floor.p95 > 0 ? r.p95 / floor.p95 : 0,
    });
  }
  return out;
}

/** The demo issue repeated (numbers varied so no two copies are alike) up to about `bytes`. */
function bigIssue(text: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const copy = `${text.replace(/(\d+)(\s*亿元)/g, (_m, n: string, u: string) => `${Number(n) + i}${u}`)}\n（第 ${i + 1} 份）\n`;
    parts.push(copy);
    size += Buffer.byteLength(copy);
  }
  return parts.join('');
}

/** Wall time of a CLI run in its own process, in ms (throws on failure). */
function timeCli(args: string[], input?: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: process.env,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${(r.stderr ?? '').trim().split('\n').pop() ?? ''}`);
  return ms;
}

/**
 * The extract and numbers CLIs on ~1 MB (start-up excluded: the same CLI on a one-line input is
 * subtracted) against Recognizers-Text's four zh-cn models on the same text, in process.
 */
interface ExtractionTimes {
  bytes: number;
  chars: number;
  startup: number;
  extractMs: number;
  numbersStartup: number;
  numbersMs: number;
  recognizersMs: number;
}

async function extractionThroughput(): Promise<ExtractionTimes> {
  const { DEMO_ISSUE } = await import('@/lib/seed/demo');
  const { normalizeIssueText } = await import('@/lib/extract');
  const Recognizers = await import('@microsoft/recognizers-text-suite');
  const text = bigIssue(readFileSync(DEMO_ISSUE.file, 'utf8'), 1_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xt-bench-'));
  try {
    const big = path.join(dir, 'issue-1mb.txt');
    const tiny = path.join(dir, 'tiny.txt');
    writeFileSync(big, text);
    writeFileSync(tiny, '湘潭经开区完成投资1亿元。\n');
    const startup = Math.min(timeCli(['scripts/extract.ts', '--date', DEMO_ISSUE.date, tiny]), timeCli(['scripts/extract.ts', '--date', DEMO_ISSUE.date, tiny]));
    const extractMs = timeCli(['scripts/extract.ts', '--date', DEMO_ISSUE.date, big]) - startup;
    const numbersStartup = timeCli(['scripts/numbers.ts'], '湘潭经开区完成投资1亿元\n');
    const numbersMs = timeCli(['scripts/numbers.ts'], text) - numbersStartup;
    const normalised = normalizeIssueText(text);
    const culture = Recognizers.Culture.Chinese;
    const t0 = performance.now();
    Recognizers.recognizeNumber(normalised, culture);
    Recognizers.recognizePercentage(normalised, culture);
    Recognizers.recognizeCurrency(normalised, culture);
    Recognizers.recognizeDimension(normalised, culture);
    const recognizersMs = performance.now() - t0;
    return { bytes: Buffer.byteLength(text), chars: text.length, startup, extractMs, numbersStartup, numbersMs, recognizersMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      duration: { type: 'string', default: '8' },
      connections: { type: 'string', default: '1,10,50' },
      port: { type: 'string' },
      'skip-import': { type: 'boolean', default: false },
      'skip-load': { type: 'boolean', default: false },
      'skip-extract': { type: 'boolean', default: false },
      'skip-floor': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  if (values.quick) {
    values.duration = '3';
    values.connections = '10,50';
  }
  const url = values['database-url'] ?? process.env.SYNTHETIC_DATABASE_URL ?? DEFAULT_SYNTHETIC_URL;
  const seconds = Math.max(2, Math.min(30, Number(values.duration)));
  const levels = values.connections.split(',').map(Number).filter((n) => n > 0 && n <= 100);
  const started = new Date();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const results: Record<string, unknown> = { date: started.toISOString() };
  let server: AppServer | undefined;
  try {
    const marker = await client
      .query<{ facts: number; note: string }>(`SELECT facts, note FROM ${SYNTHETIC_MARKER_TABLE} ORDER BY id DESC LIMIT 1`)
      .catch(() => ({ rows: [] }));
    const facts = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM fact')).rows[0]?.n ?? 0);
    const pgVersion = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    const cpu = os.cpus();
    const machine = `${cpu[0]?.model.trim() ?? 'cpu'} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}`;
    // The machine is shared: say how busy it was, since every figure below depends on it.
    const loadAvg = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    console.log(`Benchmark ${started.toISOString()} — ${machine}; load average at start ${loadAvg} (1/5/15 min)`);
    results.loadAverageStart = os.loadavg();
    console.log(`Database ${new URL(url).pathname.slice(1)}: ${facts.toLocaleString('en')} facts${marker.rows[0] ? ' (synthetic)' : ' (NOT marked synthetic)'}`);
    if (!marker.rows[0]) console.log('  warning: run `npm run seed:synthetic -- --facts 1000000 --database-url …` first for the reference figures');
    results.machine = machine;
    results.facts = facts;

    // The heaviest realistic choices: the metric and the park with the most approved facts.
    const busy = await client.query<{ metric_id: number; key: string; park_id: number | null }>(
      `SELECT m.id AS metric_id, m.key,
              (SELECT park_id FROM fact WHERE park_id IS NOT NULL GROUP BY park_id ORDER BY count(*) DESC LIMIT 1) AS park_id
         FROM metric m JOIN fact f ON f.metric_id = m.id AND f.status = 'approved'
        GROUP BY m.id ORDER BY count(*) DESC LIMIT 1`,
    );
    const metric = busy.rows[0];
    if (!metric) throw new Error('No approved facts in this database: nothing to benchmark');

    // SQL floor. The aggregate endpoint's own query (lib/data/fact-aggregate.ts aggregateFacts: the latest
    // report of each whole-year figure of the metric, read from fact_figure), run directly: the
    // floor the API is compared against; the same answer computed from the facts (what fact_figure
    // saves); and the per-year totals from fact_aggregate.
    const figureSql = `SELECT f.id, m.key, m.unit AS metric_unit, ff.value_count, m.aggregation::text AS aggregation, f.park_id, f.region_id,
             f.year, f.kind::text AS kind, f.value::text AS value, f.unit, f.article_id, i.date AS issue_date, a.headline, f.evidence, ff.reports
        FROM fact_figure ff JOIN fact f ON f.id = ff.latest_fact_id JOIN metric m ON m.id = ff.metric_id
        LEFT JOIN article a ON a.id = f.article_id LEFT JOIN issue i ON i.id = a.issue_id
       WHERE ff.metric_id = $1::int AND ff.period = '' AND (ff.park_id IS NOT NULL OR ff.region_id IS NOT NULL)
       ORDER BY ff.metric_id, ff.unit_family, ff.kind, ff.year, ff.park_id, ff.region_id, ff.event`;
    // The same figures from the facts (the aggregate's fallback path in lib/data/fact-aggregate.ts).
    const rawSql = `WITH r AS (
        SELECT f.id, m.key, f.metric_id, f.park_id, f.region_id, f.year, f.kind, f.value::text AS value, f.unit, f.article_id,
               i.date AS issue_date, a.headline, f.evidence, unit_family(f.unit) AS family,
               figure_event(m.nature, f.event_key, f.value, f.unit) AS event, unit_base_value(f.value, f.unit) AS base_value
          FROM fact f JOIN metric m ON m.id = f.metric_id
          LEFT JOIN article a ON a.id = f.article_id LEFT JOIN issue i ON i.id = a.issue_id
         WHERE f.deleted_at IS NULL AND (i.id IS NULL OR i.deleted_at IS NULL) AND f.status = 'approved'
           AND f.metric_id = $1::int AND f.year IS NOT NULL AND (f.park_id IS NOT NULL OR f.region_id IS NOT NULL)
           AND (f.period IS NULL OR f.period IN ('FY', 'cumulative'))
      ), g AS (
        SELECT (array_agg(id ORDER BY issue_date DESC NULLS LAST, id DESC))[1] AS latest, count(*) AS reports,
               count(DISTINCT base_value)::int AS value_count
          FROM r GROUP BY metric_id, family, kind, year, park_id, region_id, event
      )
      SELECT r.*, g.reports, g.value_count FROM g JOIN r ON r.id = g.latest
       ORDER BY r.metric_id, r.family, r.kind, r.year, r.park_id, r.region_id, r.event`;
    const aggSql = `SELECT year, kind, sum(value_sum) AS total, sum(fact_count) AS n FROM fact_aggregate
                     WHERE metric_id = $1 GROUP BY year, kind ORDER BY year, kind`;
    // --skip-floor: the approval figures only (the query from the facts takes seconds at 1M+ facts).
    const none = { p50: NaN, p95: NaN, rows: 0 };
    const floorRaw = values['skip-floor'] ? none : await sqlFloor(client, figureSql, [metric.metric_id]);
    const floorFromFacts = values['skip-floor'] ? none : await sqlFloor(client, rawSql, [metric.metric_id], 10);
    const floorAgg = values['skip-floor'] ? none : await sqlFloor(client, aggSql, [metric.metric_id]);
    results.sql = { raw: floorRaw, fromFacts: floorFromFacts, aggregate: floorAgg, metric: metric.key };
    const samples = await approvalSamples(client, metric.metric_id);
    const approval = await approvalRefresh(client, samples.first);
    const approvalBusiest = await approvalRefresh(client, samples.busiest);
    results.approvalRefresh = approval;
    results.approvalRefreshBusiestGroup = { ...approvalBusiest, groupSize: samples.groupSize };
    const fmt = (a: typeof approval) =>
      `approve p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms; withdraw p50 ${a.withdrawP50.toFixed(1)} ms, p95 ${a.withdrawP95.toFixed(1)} ms`;
    console.log(`Approval with cache maintenance (fact_aggregate + fact_figure triggers, rolled back):`);
    console.log(`  ${approval.n} facts of the busiest metric: ${fmt(approval)}`);
    console.log(`  ${approvalBusiest.n} facts of its busiest park × year group (${samples.groupSize.toLocaleString('en')} facts): ${fmt(approvalBusiest)}`);
    console.log(`\nSQL floor (busiest metric ${metric.key}; pg client round trip, ms):`);
    console.log(
      formatTable(
        ['query', 'rows', 'p50 ms', 'p95 ms'],
        [
          ['aggregate endpoint query (fact_figure: latest report per figure)', floorRaw.rows, floorRaw.p50, floorRaw.p95],
          ['the same from fact (DISTINCT ON over every report)', floorFromFacts.rows, floorFromFacts.p50, floorFromFacts.p95],
          ['per-year totals from fact_aggregate (cache)', floorAgg.rows, floorAgg.p50, floorAgg.p95],
        ],
      ),
    );

    const cookie = await benchSession(client);
    if (!values['skip-load']) {
      server = await startAppServer({ databaseUrl: url, port: values.port ? Number(values.port) : undefined });
      const targets: { name: string; path: string }[] = [
        { name: 'aggregate API', path: process.env.BENCH_AGGREGATE_PATH ?? `/api/aggregates?metric=${encodeURIComponent(metric.key)}&groupBy=year` },
        { name: 'facts API', path: process.env.BENCH_FACTS_PATH ?? `/api/facts?metric=${encodeURIComponent(metric.key)}&limit=50` },
        // The overview page is server-rendered from cached read models: it is the "cached overview data".
        { name: 'overview page', path: process.env.BENCH_OVERVIEW_PATH ?? '/' },
        // The same read model as JSON: what the cache itself serves, without the page render.
        { name: 'overview data API', path: process.env.BENCH_OVERVIEW_API_PATH ?? '/api/overview' },
        // The other dashboard pages, each on its busiest subject.
        { name: 'region page', path: '/regions/430300' },
        ...(metric.park_id ? [{ name: 'park page', path: `/parks/${metric.park_id}` }] : []),
        { name: 'metric page', path: `/metrics/${encodeURIComponent(metric.key)}` },
        { name: 'metrics page', path: '/metrics' },
        { name: 'scorecard page', path: '/scorecard' },
        { name: 'wall page', path: '/wall' },
        // Next + one trivial query: the floor of the HTTP stack itself.
        { name: FLOOR, path: process.env.BENCH_FLOOR_PATH ?? '/api/health' },
      ];
      const only = values.only?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
      const rows: LoadRow[] = [];
      const skipped: string[] = [];
      for (const t of targets) {
        if (only?.length && t.name !== FLOOR && !only.some((w) => t.name.toLowerCase().includes(w))) continue;
        // Queries still running from the previous target's 50 connections hold the pool for a while:
        // let them drain (a probe that waits >5 s for a connection gets 503) before judging the target.
        let probe = await fetch(server.url + t.path, { headers: { cookie }, redirect: 'manual' });
        for (let i = 0; i < 3 && probe.status === 503; i++) {
          await probe.arrayBuffer();
          await new Promise((r) => setTimeout(r, 5000));
          probe = await fetch(server.url + t.path, { headers: { cookie }, redirect: 'manual' });
        }
        await probe.arrayBuffer();
        if (probe.status !== 200) {
          skipped.push(`${t.name} ${t.path}: HTTP ${probe.status} (not benchmarked)`);
          continue;
        }
        await load(server.url + t.path, 4, 2, cookie); // warm-up
        for (const c of levels) rows.push({ target: t.name, connections: c, ...(await load(server.url + t.path, c, seconds, cookie)) });
      }
      results.load = rows;
      results.loadSkipped = skipped;
      console.log(`\nHTTP load (autocannon, ${seconds} s per row, signed in as an analyst, Accept-Encoding: gzip, deflate, br, next start, 127.0.0.1):`);
      console.log(
        formatTable(
          ['target', 'conns', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'KB/answer'],
          rows.map((r) => [r.target, r.connections, r.requests, r.rps, r.p50, r.p95, r.p99, r.errors, Number((r.bytes / 1024).toFixed(1))]),
        ),
      );
      for (const s of skipped) console.log(`  skipped: ${s}`);

      // The issue's goals are ratios to the floor measured in the same run (same load on the machine).
      const ratios = floorRatios(rows);
      results.floorRatios = ratios;
      console.log(`\nAs a ratio to the floor (${FLOOR}) at the same connections — req/s: higher is better, p95: lower is better:`);
      console.log(
        formatTable(
          ['target', 'conns', 'req/s', 'floor req/s', 'req/s ratio', 'p95 ms', 'floor p95', 'p95 ratio'],
          ratios.map((r) =>
            r.rps === 0
              ? [r.target, r.connections, 0, r.floorRps, 'no answer in the row', '–', r.floorP95, '–']
              : [r.target, r.connections, r.rps, r.floorRps, `${(r.rpsRatio * 100).toFixed(1)} %`, r.p95, r.floorP95, `${r.p95Ratio.toFixed(2)}×`],
          ),
        ),
      );

      // The load rows repeat one URL, so after the first request they measure the read-model cache.
      // Cache misses, measured apart: each request a distinct query (yearFrom before the data
      // starts, so the same rows as the load rows), one at a time.
      const coldRows: (string | number)[][] = [];
      const cold: Record<string, { n: number; p50: number; p95: number }> = {};
      if (!process.env.BENCH_AGGREGATE_PATH && !process.env.BENCH_FACTS_PATH) {
        const m = encodeURIComponent(metric.key);
        for (const [name, make] of [
          ['aggregate API, cache miss', (y: number) => `/api/aggregates?metric=${m}&groupBy=year&yearFrom=${y}`],
          ['facts API, cache miss', (y: number) => `/api/facts?metric=${m}&limit=50&yearFrom=${y}`],
        ] as const) {
          const ms: number[] = [];
          for (let y = 1990; y < 2000; y++) {
            const t0 = performance.now();
            const res = await fetch(server.url + make(y), { headers: { cookie } });
            await res.arrayBuffer();
            if (res.status === 200) ms.push(performance.now() - t0);
          }
          cold[name] = { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) };
          coldRows.push([name, ms.length, percentile(ms, 50), percentile(ms, 95)]);
        }
        // The overview of each year with figures but the latest (the load rows' default): its view,
        // its figures and its targets are read anew (the places, metrics and headline are cached).
        if (!process.env.BENCH_OVERVIEW_API_PATH) {
          const years = await client.query<{ year: number }>(
            `SELECT DISTINCT year FROM fact_aggregate WHERE fact_count > 0 ORDER BY year DESC OFFSET 1 LIMIT 10`,
          );
          const ms: number[] = [];
          for (const { year } of years.rows) {
            const t0 = performance.now();
            const res = await fetch(`${server.url}/api/overview?year=${year}`, { headers: { cookie } });
            await res.arrayBuffer();
            if (res.status === 200) ms.push(performance.now() - t0);
          }
          // What every hit serialises: the answer's size.
          const body = await (await fetch(`${server.url}/api/overview`, { headers: { cookie } })).arrayBuffer();
          results.overviewApiBytes = body.byteLength;
          console.log(`\noverview data API answer: ${(body.byteLength / 1024).toFixed(0)} KB`);
          const name = 'overview data API, cache miss';
          cold[name] = { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) };
          coldRows.push([name, ms.length, percentile(ms, 50), percentile(ms, 95)]);
        }
        console.log('\nCache misses (10 distinct queries each, one at a time; the overview: one per earlier year):');
        console.log(formatTable(['target', 'requests', 'p50 ms', 'p95 ms'], coldRows));
        results.cacheMisses = cold;
      }
      const aggCold = cold['aggregate API, cache miss'];
      if (aggCold && aggCold.n > 0) {
        const overhead = aggCold.p50 / floorRaw.p50;
        console.log(`API overhead (aggregate API p50 on a cache miss / its SQL p50): ${aggCold.p50.toFixed(1)} / ${floorRaw.p50.toFixed(1)} = ${overhead.toFixed(2)}×`);
        results.apiOverhead = overhead;
      }

      const js: (string | number)[][] = [];
      for (const [name, p] of [
        ['overview', process.env.BENCH_OVERVIEW_PATH ?? '/'],
        ['explorer', '/explorer'],
      ] as const) {
        const r = await firstLoadJs(server.url, p, cookie);
        js.push([name, p, r.status, r.scripts, Math.round(r.raw / 1024), Math.round(r.gzip / 1024)]);
      }
      results.firstLoadJs = js;
      console.log('\nFirst-load JavaScript (script tags of the served page, gzip -9):');
      console.log(formatTable(['page', 'path', 'HTTP', 'scripts', 'raw KB', 'gzip KB'], js));
    }
  } finally {
    await client.query(`DELETE FROM session WHERE user_agent = 'bench'`).catch(() => undefined);
    await client.end();
    await server?.stop();
  }

  if (!values['skip-import']) {
    const imp = await importTimes();
    results.import = imp;
    console.log('\nImport (fresh PostgreSQL database):');
    if (typeof imp === 'string') console.log(`  ${imp}`);
    else
      console.log(
        formatTable(
          ['what', 'issues', 'facts', 'total ms', 'ms per issue'],
          [
            ['demo issue, `npm run ingest` end to end (own process)', 1, '', imp.cliDemoMs, imp.cliDemoMs],
            ['demo issue, in process (extract + write)', 1, '', imp.demoMs, imp.demoMs],
            ['batch of 100 issues (distinct texts), in process', imp.batch, imp.facts, imp.batchMs, imp.batchMs / imp.batch],
            [
              `${(imp.bigBytes / 1e6).toFixed(1)} MB issue, \`npm run ingest\` end to end (own process)${imp.bigError ? ' — FAILED' : ''}`,
              1,
              imp.bigFacts,
              imp.bigMs,
              imp.bigMs,
            ],
          ],
        ),
      );
    if (typeof imp !== 'string' && imp.bigError) console.log(`  10 MB import failed after ${imp.bigMs} ms: ${imp.bigError}`);
    if (typeof imp !== 'string') {
      const t = imp.bigTimings;
      if (t) {
        const split = t.workers ? `; extraction runs: ${t.workers.thread} on the main thread, ${t.workers.workers} on workers` : '';
        console.log(
          `  10 MB CLI: start-up ${t.startupMs} ms, database open + migrations + reference data ${t.prepareMs} ms, import ${t.importMs} ms; ` +
            `CPU ${t.cpuMs} ms (all its threads, not PostgreSQL's)${split}`,
        );
      }
      console.log(`  batch of 100: CPU ${imp.batchCpuMs} ms in this process; load average ${imp.load[0].toFixed(1)} before the import rows, ${imp.load[1].toFixed(1)} after (${os.availableParallelism()} CPUs)`);
    }
  }
  if (!values['skip-extract']) {
    const x = await extractionThroughput();
    results.extraction = x;
    const mbps = (ms: number) => (x.bytes / 1e6 / (ms / 1000)).toFixed(2);
    console.log(`\nExtraction on the same ${(x.bytes / 1e6).toFixed(2)} MB (${x.chars.toLocaleString('en')} characters; CLIs in their own process, start-up subtracted):`);
    console.log(
      formatTable(
        ['what', 'ms', 'MB/s', 'vs Recognizers-Text'],
        [
          [`extract CLI (start-up ${x.startup.toFixed(0)} ms excluded)`, x.extractMs, mbps(x.extractMs), `${(x.recognizersMs / x.extractMs).toFixed(1)}×`],
          [`numbers CLI (start-up ${x.numbersStartup.toFixed(0)} ms excluded)`, x.numbersMs, mbps(x.numbersMs), `${(x.recognizersMs / x.numbersMs).toFixed(1)}×`],
          ['Recognizers-Text, 4 zh-cn models, in process', x.recognizersMs, mbps(x.recognizersMs), '1.0×'],
        ],
      ),
    );
  }
  results.loadAverageEnd = os.loadavg();
  console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min, ${os.cpus().length} CPUs)`);
  mkdirSync('test-results/bench', { recursive: true });
  const out = path.join('test-results/bench', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(`\nRaw figures: ${out}`);
});
