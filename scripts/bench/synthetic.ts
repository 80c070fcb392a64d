// Synthetic, province-scale data for benchmarks: 14 cities with their counties, ~150 parks,
// ~60 metrics, 10 years of actuals and targets, skewed like real coverage (a few parks hold most
// facts). Everything it creates is marked synthetic, and it refuses databases holding real data.
// Deterministic for a given seed, so benchmark runs are comparable.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const SYNTHETIC_PUBLICATION = '合成数据 (synthetic)';
export const SYNTHETIC_MARKER_TABLE = 'synthetic_dataset';
export const SYNTHETIC_YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);

/** Small fast seeded PRNG (mulberry32): the same seed gives the same data set. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf weights over n items (exponent s): item 0 is the most frequent. */
export function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s);
    cdf[i] = sum;
  }
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] ?? 0) / sum;
  return cdf;
}

/** Index drawn from a cumulative distribution by binary search. */
export function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] ?? 1) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SyntheticRefusedError extends Error {
  override name = 'SyntheticRefusedError';
}

type Client = pg.Client | pg.PoolClient;

async function tableExists(client: Client, name: string): Promise<boolean> {
  const r = await client.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${name}`]);
  return r.rows[0]?.ok === true;
}

/**
 * Refuses a database that holds anything but synthetic data: real facts, issues or users
 * without the marker table. Returns the number of synthetic facts already there.
 */
export async function checkSyntheticTarget(client: Client): Promise<{ marked: boolean; facts: number }> {
  const marked = await tableExists(client, SYNTHETIC_MARKER_TABLE);
  if (!(await tableExists(client, 'fact'))) return { marked, facts: 0 };
  const r = await client.query<{ facts: string; issues: string; users: string }>(
    `SELECT (SELECT count(*) FROM fact) AS facts, (SELECT count(*) FROM issue) AS issues, (SELECT count(*) FROM app_user) AS users`,
  );
  const row = r.rows[0];
  const facts = Number(row?.facts ?? 0);
  const issues = Number(row?.issues ?? 0);
  const users = Number(row?.users ?? 0);
  if (!marked && (facts > 0 || issues > 0 || users > 0)) {
    throw new SyntheticRefusedError(
      `This database holds real data (${facts} facts, ${issues} issues, ${users} users) and no ${SYNTHETIC_MARKER_TABLE} marker: ` +
        'synthetic data goes into its own database only. Pass --database-url of a new database.',
    );
  }
  return { marked, facts };
}

interface MetricRow {
  id: number;
  key: string;
  unit: string;
  valueType: string;
}
interface Subject {
  parkId: number | null;
  regionId: number;
  name: string;
}

const SYNTHETIC_METRIC_TEMPLATES: { nameZh: string; nameEn: string; unit: string; valueType: string; aggregation: string }[] = [
  { nameZh: '工业总产值', nameEn: 'Gross industrial output', unit: 'CNY', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '营业收入', nameEn: 'Operating revenue', unit: 'CNY', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '固定资产投资', nameEn: 'Fixed-asset investment', unit: 'CNY', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '税收收入', nameEn: 'Tax revenue', unit: 'CNY', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '进出口总额', nameEn: 'Foreign trade', unit: 'CNY', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '实际利用外资', nameEn: 'Foreign investment used', unit: 'USD', valueType: 'amount', aggregation: 'sum' },
  { nameZh: '规上企业数', nameEn: 'Enterprises above scale', unit: 'org', valueType: 'count', aggregation: 'latest' },
  { nameZh: '高新技术企业数', nameEn: 'High-tech enterprises', unit: 'org', valueType: 'count', aggregation: 'latest' },
  { nameZh: '从业人员', nameEn: 'Employees', unit: 'person', valueType: 'count', aggregation: 'latest' },
  { nameZh: '新签约项目', nameEn: 'Projects signed', unit: 'project', valueType: 'count', aggregation: 'sum' },
  { nameZh: '增加值增速', nameEn: 'Value-added growth', unit: 'percent', valueType: 'growth', aggregation: 'none' },
  { nameZh: '亩均税收', nameEn: 'Tax per mu', unit: 'CNY', valueType: 'amount', aggregation: 'none' },
];

function subjectScale(unit: string, valueType: string, r: () => number): number {
  if (valueType === 'growth' || valueType === 'rate' || valueType === 'share' || unit === 'percent') return 2 + r() * 18;
  if (unit === 'CNY' || unit === 'USD') return Math.exp(Math.log(5e6) + r() * Math.log(2e9 / 5e6));
  if (unit === 'person' || unit === 'person_time') return 50 + r() * 40000;
  if (unit === 'mu' || unit === 'm2' || unit === 'hectare') return 100 + r() * 20000;
  return 1 + r() * 300;
}

function copyText(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export interface SyntheticOptions {
  facts: number;
  seed?: number;
  parks?: number;
  metrics?: number;
  log?: (line: string) => void;
}

export interface SyntheticResult {
  facts: number;
  parks: number;
  regions: number;
  metrics: number;
  issues: number;
  articles: number;
  seconds: { reference: number; facts: number; analyze: number; total: number };
}

/**
 * Loads the synthetic data set into a migrated database that holds reference data (regions,
 * the catalogue). Facts go in with COPY in one transaction per million rows or less.
 */
export async function loadSynthetic(client: Client, opts: SyntheticOptions): Promise<SyntheticResult> {
  const log = opts.log ?? (() => undefined);
  const seed = opts.seed ?? 20261128;
  const r = rng(seed);
  const t0 = Date.now();

  await client.query(
    `CREATE TABLE IF NOT EXISTS ${SYNTHETIC_MARKER_TABLE} (
       id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), facts integer NOT NULL,
       seed integer NOT NULL, note text NOT NULL)`,
  );
  await client.query(`COMMENT ON TABLE ${SYNTHETIC_MARKER_TABLE} IS 'This database holds SYNTHETIC benchmark data (npm run seed:synthetic), not real figures.'`);

  // Counties for every city: synthetic names, codes in a range real codes of these cities do not use here.
  const cities = (
    await client.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM region WHERE level = 'city' ORDER BY code`)
  ).rows;
  for (const c of cities) {
    const have = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM region WHERE parent_id = $1`, [c.id])).rows[0]?.n ?? 0);
    const want = 5 + Math.floor(r() * 6);
    for (let i = have; i < want; i++) {
      const code = `${c.code.slice(0, 4)}${String(60 + i).padStart(2, '0')}`;
      await client.query(
        `INSERT INTO region (code, name, name_en, level, parent_id, aliases, updated_at)
         VALUES ($1, $2, $3, 'county', $4, '{}', now()) ON CONFLICT (code) DO NOTHING`,
        [code, `${c.name.replace(/市$/, '')}合成${i + 1}区县`, `Synthetic county ${c.code}-${i + 1}`, c.id],
      );
    }
  }
  const counties = (
    await client.query<{ id: number; name: string; parent_id: number }>(`SELECT id, name, parent_id FROM region WHERE level = 'county' ORDER BY id`)
  ).rows;

  // Parks: the real reference parks plus synthetic ones spread over the counties.
  const wantParks = opts.parks ?? 150;
  const existingParks = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM park`)).rows[0]?.n ?? 0);
  for (let i = existingParks; i < wantParks; i++) {
    const county = counties[Math.floor(r() * counties.length)];
    if (!county) break;
    const level = r() < 0.15 ? 'national' : r() < 0.6 ? 'provincial' : 'municipal';
    await client.query(
      `INSERT INTO park (name, name_en, level, region_id, type, aliases, updated_at)
       VALUES ($1, $2, $3::park_level, $4, $5, '{}', now()) ON CONFLICT (name) DO NOTHING`,
      [`合成园区${String(i + 1).padStart(3, '0')}（${county.name}）`, `Synthetic park ${i + 1}`, level, county.id, '合成 synthetic'],
    );
  }
  const parks = (await client.query<{ id: number; name: string; region_id: number }>(`SELECT id, name, region_id FROM park ORDER BY id`)).rows;

  // Metrics: the catalogue plus synthetic variants until there are ~60.
  const wantMetrics = opts.metrics ?? 60;
  let metricCount = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM metric WHERE key <> 'unclassified'`)).rows[0]?.n ?? 0);
  for (let i = 0; metricCount < wantMetrics; i++) {
    const tpl = SYNTHETIC_METRIC_TEMPLATES[i % SYNTHETIC_METRIC_TEMPLATES.length];
    if (!tpl) break;
    const variant = Math.floor(i / SYNTHETIC_METRIC_TEMPLATES.length) + 1;
    const res = await client.query(
      `INSERT INTO metric (key, name_zh, name_en, unit, value_type, aggregation, direction, category, description, keywords, updated_at)
       VALUES ($1, $2, $3, $4, $5::value_type, $6::aggregation, 'higher_better', 'synthetic', '合成指标 (synthetic metric)', '{}', now())
       ON CONFLICT (key) DO NOTHING`,
      [`synthetic_${String(i + 1).padStart(2, '0')}`, `${tpl.nameZh}（合成${variant}）`, `${tpl.nameEn} (synthetic ${variant})`, tpl.unit, tpl.valueType, tpl.aggregation],
    );
    metricCount += res.rowCount ?? 0;
  }
  const metrics = (
    await client.query<MetricRow>(
      `SELECT id, key, unit, value_type AS "valueType" FROM metric WHERE key <> 'unclassified' AND merged_into_id IS NULL ORDER BY id`,
    )
  ).rows.slice(0, wantMetrics); // the catalogue may be larger: facts use ~60 metrics, as a province would track
  if (metrics.length === 0 || parks.length === 0) throw new Error('No metrics or parks: load the reference data first');

  // The synthetic publication, its issues (one every ~2 days over 10 years) and articles.
  const pub = await client.query<{ id: number }>(
    `INSERT INTO publication (name, name_en, updated_at) VALUES ($1, 'Synthetic data', now())
     ON CONFLICT (name) DO UPDATE SET updated_at = now() RETURNING id`,
    [SYNTHETIC_PUBLICATION],
  );
  const publicationId = pub.rows[0]?.id;
  const issueCount = Math.max(10, Math.min(1800, Math.ceil(opts.facts / 500)));
  const articlesPerIssue = 6;
  const issueIds: { id: number; year: number }[] = [];
  for (let i = 0; i < issueCount; i++) {
    const year = SYNTHETIC_YEARS[Math.floor((i / issueCount) * SYNTHETIC_YEARS.length)] ?? 2025;
    const day = 1 + Math.floor(r() * 360);
    const date = new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
    const checksum = createHash('sha256').update(`synthetic:${seed}:${i}`).digest('hex');
    const res = await client.query<{ id: number }>(
      `INSERT INTO issue (publication_id, date, page, source_file_name, checksum, char_count, updated_at)
       VALUES ($1, $2, '1', 'synthetic', $3, 2000, now()) ON CONFLICT (checksum) DO UPDATE SET updated_at = now() RETURNING id`,
      [publicationId, date, checksum],
    );
    const id = res.rows[0]?.id;
    if (id !== undefined) issueIds.push({ id, year });
  }
  const articleRows = await client.query<{ id: number; year: number }>(
    `INSERT INTO article (issue_id, ordinal, headline, kind, body)
     SELECT i.id, o, '合成报道 ' || i.id || '-' || o, 'news', '（合成数据，非真实报道 / synthetic text, not a real article）'
     FROM issue i CROSS JOIN generate_series(0, ${articlesPerIssue - 1}) o
     WHERE i.publication_id = $1
     ON CONFLICT (issue_id, ordinal) DO UPDATE SET headline = EXCLUDED.headline
     RETURNING id, (SELECT extract(year FROM date)::int FROM issue WHERE issue.id = article.issue_id) AS year`,
    [publicationId],
  );
  const articlesByYear = new Map<number, number[]>();
  for (const a of articleRows.rows) {
    const list = articlesByYear.get(a.year) ?? [];
    list.push(a.id);
    articlesByYear.set(a.year, list);
  }
  const tRef = Date.now();
  log(`reference: ${cities.length} cities, ${counties.length} counties, ${parks.length} parks, ${metrics.length} metrics, ${issueIds.length} issues, ${articleRows.rowCount ?? 0} articles (${((tRef - t0) / 1000).toFixed(1)} s)`);

  // Subjects: parks (Zipf-skewed, a shuffled order so the big ones are not just the first ids)
  // and, for a fifth of the facts, counties and cities.
  const shuffled = [...parks].sort(() => r() - 0.5);
  const subjects: Subject[] = shuffled.map((p) => ({ parkId: p.id, regionId: p.region_id, name: p.name }));
  const parkCdf = zipfCdf(subjects.length, 1.1);
  const regionSubjects: Subject[] = [...counties.map((c) => ({ parkId: null, regionId: c.id, name: c.name })), ...cities.map((c) => ({ parkId: null, regionId: c.id, name: c.name }))];
  const regionCdf = zipfCdf(regionSubjects.length, 0.8);
  const metricCdf = zipfCdf(metrics.length, 0.9);
  const yearCdf = zipfCdf(SYNTHETIC_YEARS.length, 0.3); // recent years reported a little more
  const periods = ['FY', 'FY', 'FY', 'FY', 'H1', 'H1', 'Q1', 'Q2', 'Q3', 'M01-M07'];

  const hashScale = new Map<string, number>();
  const columns =
    'metric_id, metric_label, park_id, region_id, year, period, kind, value, unit, comparator, status, source, article_id, raw_text, evidence, extractor_version, confidence, reviewed_at, created_at, updated_at';
  const total = opts.facts;
  const batch = 250_000;
  const tFacts0 = Date.now();
  let written = 0;
  while (written < total) {
    const n = Math.min(batch, total - written);
    const rows = (function* generate(): Generator<string> {
      let buf = '';
      for (let i = 0; i < n; i++) {
        const useRegion = r() < 0.2;
        const subject = useRegion ? regionSubjects[pick(regionCdf, r())] : subjects[pick(parkCdf, r())];
        const metric = metrics[pick(metricCdf, r())];
        if (!subject || !metric) continue;
        const yearIdx = SYNTHETIC_YEARS.length - 1 - pick(yearCdf, r());
        const year = SYNTHETIC_YEARS[yearIdx] ?? 2025;
        const key = `${subject.parkId ?? 'r' + subject.regionId}:${metric.id}`;
        let scale = hashScale.get(key);
        if (scale === undefined) {
          scale = subjectScale(metric.unit, metric.valueType, r);
          hashScale.set(key, scale);
        }
        const u = r();
        const kind = u < 0.72 ? 'actual' : u < 0.94 ? 'target' : u < 0.98 ? 'forecast' : 'plan';
        const growth = Math.pow(1.08, yearIdx) * (kind === 'target' ? 1.1 : 1) * (0.9 + r() * 0.2);
        const isRate = metric.unit === 'percent';
        const value = isRate ? (scale * (0.8 + r() * 0.4)).toFixed(2) : Math.round(scale * growth).toString();
        const s = r();
        const status = s < 0.9 ? 'approved' : s < 0.98 ? 'draft' : 'rejected';
        const articles = articlesByYear.get(year) ?? articleRows.rows.map((a) => a.id);
        const articleId = articles[Math.floor(r() * articles.length)] ?? null;
        const period = periods[Math.floor(r() * periods.length)] ?? 'FY';
        const raw = `${value}${metric.unit}`;
        const evidence = `（合成）${subject.name}${year}年${metric.key}为${value}。`;
        const stamp = `${year + 1}-01-15 08:00:00`;
        buf +=
          [
            metric.id,
            copyText(metric.key),
            copyText(subject.parkId),
            copyText(subject.parkId === null ? subject.regionId : null), // park facts name the park only, like the ingest
            year,
            period,
            kind,
            value,
            copyText(metric.unit),
            r() < 0.9 ? 'eq' : 'gt',
            status,
            'extracted',
            copyText(articleId),
            copyText(raw),
            copyText(evidence),
            'synthetic-1',
            (0.6 + r() * 0.4).toFixed(3),
            status === 'draft' ? '\\N' : stamp,
            stamp,
            stamp,
          ].join('\t') + '\n';
        if (buf.length > 1 << 20) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })();
    await client.query('BEGIN');
    try {
      const stream = client.query(copyFrom(`COPY fact (${columns}) FROM STDIN`));
      await pipeline(Readable.from(rows), stream);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    written += n;
    const secs = (Date.now() - tFacts0) / 1000;
    log(`facts: ${written.toLocaleString('en')} / ${total.toLocaleString('en')} (${secs.toFixed(1)} s, ${Math.round(written / secs).toLocaleString('en')} rows/s)`);
  }
  const tFacts = Date.now();
  await client.query(`INSERT INTO ${SYNTHETIC_MARKER_TABLE} (facts, seed, note) VALUES ($1, $2, $3)`, [
    total,
    seed,
    `Synthetic benchmark data: ${total} facts, ${parks.length} parks, ${metrics.length} metrics, years ${SYNTHETIC_YEARS[0]}-${SYNTHETIC_YEARS[SYNTHETIC_YEARS.length - 1]}`,
  ]);
  // VACUUM too: it sets the visibility map, so counts can be index-only scans right away.
  await client.query('VACUUM ANALYZE');
  const tEnd = Date.now();
  return {
    facts: total,
    parks: parks.length,
    regions: counties.length + cities.length,
    metrics: metrics.length,
    issues: issueIds.length,
    articles: articleRows.rowCount ?? 0,
    seconds: {
      reference: (tRef - t0) / 1000,
      facts: (tFacts - tRef) / 1000,
      analyze: (tEnd - tFacts) / 1000,
      total: (tEnd - t0) / 1000,
    },
  };
}
