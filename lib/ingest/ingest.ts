// Imports one newspaper issue: normalise, extract, and store the issue, its articles and the
// extracted facts as drafts awaiting review, all in one transaction. The same normalised text
// is never stored twice (checksum), so importing again changes nothing.
import { createHash } from 'node:crypto';
import { extractIssue, normalizeIssueText, EXTRACTOR_VERSION, DEFAULT_PLACES } from '@/lib/extract';
import type { ExtractOptions, IssueExtraction, MetricDef, Places } from '@/lib/extract/types';
import type { AppPrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { projectStageOf, stageRank, type ProjectStageCode } from '@/lib/vocab/projects';
import { unitMismatch } from '@/lib/vocab/units';
import { UNCLASSIFIED_KEY } from '@/lib/extract/catalog';
import { contentKeyOfNormalised } from './content-key';
import { todayInChina } from './issue-date';

export interface IngestInput {
  text: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  publication: string;
  page?: string | null;
  sourceFileName?: string | null;
  /** The admin who imports; null for the CLI. */
  userId?: number | null;
  /** Called as the import moves on (0–1), for a progress bar. */
  onProgress?: (fraction: number, stage: 'extract' | 'store') => void | Promise<void>;
  /** "Today" for the not-after-today check (tests); default: today in China. */
  today?: string;
  /**
   * Extraction to run instead of extractIssue on this thread, returning exactly what it would: the
   * ingest CLI passes a pool of worker threads for a big issue (lib/ingest/parallel-extract.ts).
   */
  extract?: (text: string, opts: ExtractOptions) => Promise<IssueExtraction>;
}

/** The issue a duplicate text was already imported as. */
export interface DuplicateOf {
  date: string;
  publication: string;
  page: string | null;
  withdrawn: boolean;
}

export interface IngestResult {
  issueId: number;
  articles: number;
  facts: number;
  alreadyImported: boolean;
  /**
   * Facts whose unit does not fit the metric the extractor chose: stored unclassified (with their
   * label) instead, for an admin to classify; why says which unit and which metric.
   */
  unitMisfits?: { raw: string; metric: string; why: string }[];
  /** Set when alreadyImported: the stored issue, whose date may differ from the one given. */
  duplicateOf?: DuplicateOf;
}

export class IngestError extends Error {
  override name = 'IngestError';
}

export function checksumOf(normalisedText: string): string {
  return createHash('sha256').update(normalisedText, 'utf8').digest('hex');
}

/** Reference places as the extractor wants them, from the database (admins extend them). */
export async function loadPlaces(prisma: AppPrismaClient): Promise<Places> {
  const [regions, parks] = await Promise.all([
    prisma.region.findMany({
      where: { deletedAt: null },
      select: { code: true, name: true, level: true, aliases: true, parent: { select: { code: true } } },
    }),
    prisma.park.findMany({
      where: { deletedAt: null },
      select: { name: true, officialName: true, aliases: true, region: { select: { code: true } }, parent: { select: { name: true, deletedAt: true } } },
    }),
  ]);
  // Sub-parks (a park row with a parent) with the aliases admins gave them; the data file's list
  // for any the database does not have yet.
  // A sub-park whose park was deleted (before deleting a park with sub-parks was refused) is read
  // as a park of its own rather than dropped.
  const isSub = (p: (typeof parks)[number]): boolean => p.parent !== null && p.parent.deletedAt === null;
  const subparks = parks
    .filter(isSub)
    .map((p) => ({ name: p.name, parent: p.parent?.name ?? '', aliases: [...(p.officialName ? [p.officialName] : []), ...p.aliases] }));
  const known = new Set(parks.map((p) => p.name));
  return {
    regions: regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent: r.parent?.code ?? null,
      aliases: r.aliases,
    })),
    parks: parks
      .filter((p) => !isSub(p))
      .map((p) => ({
        name: p.name,
        official: p.officialName ?? undefined,
        home: p.region.code,
        aliases: p.aliases,
      })),
    subparks: [...subparks, ...(DEFAULT_PLACES.subparks ?? []).filter((sp) => !known.has(sp.name))],
  };
}

export async function loadCatalog(prisma: AppPrismaClient): Promise<MetricDef[]> {
  const metrics = await prisma.metric.findMany({
    where: { deletedAt: null, mergedIntoId: null },
    select: {
      key: true, nameZh: true, nameEn: true, unit: true, valueType: true, aggregation: true,
      direction: true, category: true, description: true, keywords: true,
    },
  });
  return metrics.map((m) => ({
    ...m,
    unit: m.unit as MetricDef['unit'],
    category: m.category ?? '',
    description: m.description ?? '',
  }));
}

/** Extraction without writing anything: what the admin's preview shows. */
export async function previewIssue(
  prisma: AppPrismaClient,
  input: Pick<IngestInput, 'text' | 'date' | 'publication'>,
): Promise<IssueExtraction & { checksum: string; alreadyImportedIssueId: number | null }> {
  const normalised = normalizeIssueText(input.text);
  const checksum = checksumOf(normalised);
  const [places, catalog, existing] = await Promise.all([
    loadPlaces(prisma),
    loadCatalog(prisma),
    findDuplicate(prisma, checksum, contentKeyOfNormalised(normalised)),
  ]);
  const extraction = extractIssue(normalised, { date: input.date, publication: input.publication, places, catalog, normalised: true });
  return { ...extraction, checksum, alreadyImportedIssueId: existing?.id ?? null };
}

/**
 * The text with any lone UTF-16 surrogate replaced by U+FFFD, as its UTF-8 encoding (the checksum,
 * the database) would store it anyway. Decoded files never have one, a pasted or posted string may;
 * the bulk inserts' JSON (json_to_recordset) would refuse it.
 */
export function wellFormed(text: string): string {
  return /[\uD800-\uDFFF]/.test(text) ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : text;
}

export async function ingestIssue(prisma: AppPrismaClient, input: IngestInput): Promise<IngestResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
    throw new IngestError(`Invalid date "${input.date}": use YYYY-MM-DD.`);
  }
  const normalised = normalizeIssueText(wellFormed(input.text));
  const today = input.today ?? todayInChina();
  if (input.date > today) throw new IngestError(`出版日期 ${input.date} 晚于今天（${today}）(the date is after today)`);
  if (normalised.trim().length === 0) throw new IngestError('The issue has no text to import.');
  const checksum = checksumOf(normalised);
  // The text is normalised once: the checksum, the looser content key and the extraction all start
  // from it (three passes over a 10 MB issue cost ~1 s of CPU).
  const contentKey = contentKeyOfNormalised(normalised);

  const existing = await findDuplicate(prisma, checksum, contentKey);
  if (existing) return duplicateResult(prisma, existing.id);

  await input.onProgress?.(0.1, 'extract');
  const [places, catalog] = await Promise.all([loadPlaces(prisma), loadCatalog(prisma)]);
  const extractOpts: ExtractOptions = { date: input.date, publication: input.publication, places, catalog, normalised: true };
  const extraction = input.extract ? await input.extract(normalised, extractOpts) : extractIssue(normalised, extractOpts);

  const [metrics, parks, regions] = await Promise.all([
    prisma.metric.findMany({ where: { deletedAt: null }, select: { id: true, key: true, unit: true } }),
    prisma.park.findMany({ where: { deletedAt: null }, select: { id: true, name: true } }),
    prisma.region.findMany({ where: { deletedAt: null }, select: { id: true, name: true } }),
  ]);
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  const metricUnit = new Map(metrics.map((m) => [m.key, m.unit]));
  const parkId = new Map(parks.map((p) => [p.name, p.id]));
  const regionId = new Map(regions.map((r) => [r.name, r.id]));
  const unclassified = metricId.get('unclassified');
  if (unclassified === undefined) throw new IngestError('The metric catalogue has no "unclassified" metric: run the seed.');
  await input.onProgress?.(0.5, 'store');

  try {
    return await prisma.$transaction(
      async (tx) => {
        const publication = await tx.publication.upsert({
          where: { name: input.publication },
          create: { name: input.publication },
          update: {},
          select: { id: true },
        });
        const issue = await tx.issue.create({
          data: {
            publicationId: publication.id,
            date: new Date(`${input.date}T00:00:00Z`),
            page: input.page ?? null,
            sourceFileName: input.sourceFileName ?? null,
            checksum,
            contentKey,
            charCount: normalised.length,
            importedById: input.userId ?? null,
          },
          select: { id: true },
        });
        // One statement for all articles (a 10 MB issue has thousands: one round trip each took
        // longer than the transaction may last on a busy machine).
        const created = await insertArticles(tx, issue.id, extraction.articles);
        const articleIds = new Map<number, number>(created.map((row) => [row.ordinal, row.id]));
        // Projects and organisations are records of their own, linked across articles by name.
        const subjects = await storeSubjects(tx, extraction.facts, { parkId, regionId, articleIds, issueDate: input.date });
        // A fact whose unit does not fit the metric the extractor chose (人次 for a metric counted
        // in 人) is refused that metric: it is stored unclassified, with its label, for an admin to
        // classify; the import's audit record says which and why.
        const misfits: { span: [number, number]; raw: string; metric: string; why: string }[] = [];
        const metricOf = (f: (typeof extraction.facts)[number]): number => {
          const id = metricId.get(f.metric.key);
          const unit = metricUnit.get(f.metric.key);
          if (id === undefined || unit === undefined) return unclassified;
          const why = f.metric.key === UNCLASSIFIED_KEY ? null : unitMismatch(f.unit, unit);
          if (why) {
            misfits.push({ span: f.span, raw: f.raw, metric: f.metric.key, why });
            return unclassified;
          }
          return id;
        };
        const rows: Prisma.FactCreateManyInput[] = extraction.facts.map((f) => {
          const subjectPark = f.subject?.type === 'park' ? parkId.get(f.subject.name) : undefined;
          const subjectRegion = f.subject?.type === 'region' ? regionId.get(f.subject.name) : undefined;
          const projectId = f.subject?.type === 'project' ? subjects.projects.get(f.subject.name) : undefined;
          // A park or region the gazetteer does not know is kept as a named organisation.
          const orgId = f.subject && f.subject.type !== 'project' && subjectPark === undefined && subjectRegion === undefined ? subjects.orgs.get(f.subject.name) : undefined;
          const orgName = f.subject && subjectPark === undefined && subjectRegion === undefined ? f.subject.name : null;
          return {
            metricId: metricOf(f),
            metricLabel: f.metric.label,
            parkId: subjectPark ?? null,
            regionId: subjectRegion ?? null,
            projectId: projectId ?? null,
            orgId: orgId ?? null,
            orgName,
            year: f.year,
            period: f.period,
            kind: f.kind,
            value: f.value,
            unit: f.unit,
            comparator: f.comparator,
            status: 'draft',
            source: 'extracted',
            articleId: articleIds.get(f.articleOrdinal) ?? null,
            spanStart: f.span[0],
            spanEnd: f.span[1],
            rawText: f.raw,
            evidence: f.evidence,
            extractorVersion: extraction.extractorVersion || EXTRACTOR_VERSION,
            confidence: Math.max(0, Math.min(1, f.confidence)).toFixed(3),
            createdById: input.userId ?? null,
          };
        });
        await insertDraftFacts(tx, rows);
        await tx.auditLog.create({
          data: {
            userId: input.userId ?? null,
            action: 'import',
            entityType: 'issue',
            entityId: String(issue.id),
            after: {
              publication: input.publication,
              date: input.date,
              page: input.page ?? null,
              sourceFileName: input.sourceFileName ?? null,
              checksum,
              articles: extraction.articles.length,
              facts: rows.length,
              extractorVersion: extraction.extractorVersion,
              unitMisfits: misfits,
            },
          },
        });
        return {
          issueId: issue.id, articles: extraction.articles.length, facts: rows.length, alreadyImported: false,
          unitMisfits: misfits.map(({ raw, metric, why }) => ({ raw, metric, why })),
        };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    // Two imports of the same text at once: the loser sees the unique checksum and reports
    // the winner's issue instead of failing.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      const winner = await findDuplicate(prisma, checksum, contentKey);
      if (winner) return duplicateResult(prisma, winner.id);
    }
    throw e;
  }
}

/** The stored issue with this text: same normalised text, or the same under the looser key. */
export async function findDuplicate(prisma: AppPrismaClient, checksum: string, contentKey: string): Promise<{ id: number } | null> {
  return prisma.issue.findFirst({
    where: { OR: [{ checksum }, { contentKey }] },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
}

async function duplicateResult(prisma: AppPrismaClient, issueId: number): Promise<IngestResult> {
  const [issue, articles, facts] = await Promise.all([
    prisma.issue.findUniqueOrThrow({
      where: { id: issueId },
      select: { date: true, page: true, deletedAt: true, publication: { select: { name: true } } },
    }),
    prisma.article.count({ where: { issueId } }),
    prisma.fact.count({ where: { article: { issueId } } }),
  ]);
  return {
    issueId,
    articles,
    facts,
    alreadyImported: true,
    duplicateOf: {
      date: issue.date.toISOString().slice(0, 10),
      publication: issue.publication.name,
      page: issue.page,
      withdrawn: issue.deletedAt !== null,
    },
  };
}

type Tx = Prisma.TransactionClient;

// The bulk writes of an import are one INSERT … SELECT FROM json_to_recordset(one JSON text) each, not
// Prisma's createMany: that compiles a query in Prisma's query compiler per batch of ~1,400 rows, and
// for a 10 MB issue (6,000 articles, 18,000 facts) compiling and interpreting them took ~40 s of CPU
// on a busy machine, past the transaction's limit (node --cpu-prof, docs/benchmarks.md run 7). One
// JSON parameter rather than a column array each (unnest): Prisma and pg then pass one string instead
// of converting and escaping ~400,000 array elements (0.1-0.15 s less CPU for the 10 MB issue).

async function insertArticles(tx: Tx, issueId: number, articles: IssueExtraction['articles']): Promise<{ id: number; ordinal: number }[]> {
  if (!articles.length) return [];
  const rows = articles.map((a) => ({
    ordinal: a.ordinal, headline: a.headline, subheadline: a.subheadlines.length ? a.subheadlines.join(' / ') : null,
    byline: a.byline, dateline: a.dateline, kind: a.kind, body: a.body,
  }));
  return tx.$queryRaw<{ id: number; ordinal: number }[]>`
    INSERT INTO article (issue_id, ordinal, headline, subheadline, byline, dateline, kind, body)
    SELECT ${issueId}::int, a.ordinal, a.headline, a.subheadline, a.byline, a.dateline, a.kind, a.body
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS a(ordinal int, headline text, subheadline text, byline text, dateline text, kind text, body text)
    RETURNING id, ordinal`;
}

async function insertDraftFacts(tx: Tx, rows: Prisma.FactCreateManyInput[]): Promise<void> {
  if (!rows.length) return;
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const data = rows.map((r) => ({
    metric_id: r.metricId, metric_label: r.metricLabel ?? null, park_id: r.parkId ?? null, region_id: r.regionId ?? null,
    project_id: r.projectId ?? null, org_id: r.orgId ?? null, org_name: r.orgName ?? null, year: r.year ?? null, period: r.period ?? null,
    kind: r.kind, value: text(r.value), unit: r.unit, comparator: r.comparator ?? 'eq', article_id: r.articleId ?? null,
    span_start: r.spanStart ?? null, span_end: r.spanEnd ?? null, raw_text: r.rawText ?? null, evidence: r.evidence ?? null,
    extractor_version: r.extractorVersion ?? null, confidence: text(r.confidence), created_by_id: r.createdById ?? null,
  }));
  await tx.$executeRaw`
    INSERT INTO fact (metric_id, metric_label, park_id, region_id, project_id, org_id, org_name, year, period, kind, value, unit,
                      comparator, article_id, span_start, span_end, raw_text, evidence, extractor_version, confidence, created_by_id,
                      status, source, updated_at)
    SELECT f.metric_id, f.metric_label, f.park_id, f.region_id, f.project_id, f.org_id, f.org_name, f.year, f.period, f.kind::fact_kind,
           f.value::numeric, f.unit, f.comparator::comparator, f.article_id, f.span_start, f.span_end, f.raw_text, f.evidence,
           f.extractor_version, f.confidence::numeric, f.created_by_id, 'draft'::review_status, 'extracted'::fact_source, now()
      FROM json_to_recordset(${JSON.stringify(data)}::json)
        AS f(metric_id int, metric_label text, park_id int, region_id int, project_id int, org_id int, org_name text, year int, period text,
             kind text, value text, unit text, comparator text, article_id int, span_start int, span_end int, raw_text text, evidence text,
             extractor_version text, confidence text, created_by_id int)`;
}

type Place = { parkId: number | null; regionId: number | null };
const CHUNK = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Creates the named records that do not exist yet (with their place), reads them all back, and
 * fills in a park or region an existing record lacks and this issue gives.
 */
async function upsertNamed<R extends { id: number; name: string; parkId: number | null; regionId: number | null }>(
  places: Map<string, Place>,
  ops: {
    createMany: (data: ({ name: string } & Place)[]) => Promise<unknown>;
    findMany: (names: string[]) => Promise<R[]>;
    update: (id: number, data: Place) => Promise<unknown>;
  },
): Promise<Map<string, R>> {
  const names = [...places.keys()];
  for (const part of chunks(names, CHUNK)) await ops.createMany(part.map((name) => ({ name, ...(places.get(name) ?? { parkId: null, regionId: null }) })));
  const rows = new Map<string, R>();
  for (const part of chunks(names, CHUNK)) for (const row of await ops.findMany(part)) rows.set(row.name, row);
  for (const [name, row] of rows) {
    const place = places.get(name);
    if (!place) continue;
    if ((row.parkId === null && place.parkId !== null) || (row.regionId === null && place.regionId !== null)) {
      await ops.update(row.id, { parkId: row.parkId ?? place.parkId, regionId: row.regionId ?? place.regionId });
    }
  }
  return rows;
}

/**
 * Finds or creates the projects and organisations the facts name (by canonical name), fills in
 * their park and region when the text places them and the record does not say yet, and records
 * the stage each article reports for a project (签约/开工/在建/竣工/投产, dated by the issue).
 */
async function storeSubjects(
  tx: Tx,
  facts: IssueExtraction['facts'],
  ctx: { parkId: Map<string, number>; regionId: Map<string, number>; articleIds: Map<number, number>; issueDate: string },
): Promise<{ projects: Map<string, number>; orgs: Map<string, number> }> {
  const placeOf = (s: { park?: string; region?: string }) => {
    const parkId = s.park !== undefined ? (ctx.parkId.get(s.park) ?? null) : null;
    const regionId = s.region !== undefined ? (ctx.regionId.get(s.region) ?? null) : null;
    return { parkId, regionId };
  };
  // Each name with the place its first mention gives; a set number of statements per issue
  // whatever its size (a 10 MB issue names thousands: one round trip per name outlasted the
  // transaction).
  const projectPlaces = new Map<string, Place>();
  const orgPlaces = new Map<string, Place>();
  const stageReports: { name: string; stage: ProjectStageCode; articleId: number | null; evidence: string }[] = [];
  for (const f of facts) {
    const s = f.subject;
    if (!s) continue;
    const name = s.name.trim();
    if (!name) continue;
    if (s.type === 'project') {
      if (!projectPlaces.has(name)) projectPlaces.set(name, placeOf(s));
      const stage = projectStageOf(f.evidence);
      if (stage) stageReports.push({ name, stage, articleId: ctx.articleIds.get(f.articleOrdinal) ?? null, evidence: f.evidence });
    } else if (s.type === 'org' || (s.type === 'park' && !ctx.parkId.has(name)) || (s.type === 'region' && !ctx.regionId.has(name))) {
      if (!orgPlaces.has(name)) orgPlaces.set(name, placeOf(s));
    }
  }
  const projectRows = await upsertNamed(projectPlaces, {
    createMany: (data) => tx.project.createMany({ data, skipDuplicates: true }),
    findMany: (names) => tx.project.findMany({ where: { name: { in: names } }, select: { id: true, name: true, parkId: true, regionId: true, stage: true } }),
    update: (id, data) => tx.project.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
  });
  const orgRows = await upsertNamed(orgPlaces, {
    createMany: (data) => tx.organization.createMany({ data, skipDuplicates: true }),
    findMany: (names) => tx.organization.findMany({ where: { name: { in: names } }, select: { id: true, name: true, parkId: true, regionId: true } }),
    update: (id, data) => tx.organization.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
  });
  const projects = new Map([...projectRows].map(([name, row]) => [name, row.id]));
  const orgs = new Map([...orgRows].map(([name, row]) => [name, row.id]));

  const date = new Date(`${ctx.issueDate}T00:00:00Z`);
  const milestones = new Map<string, { projectId: number; stage: ProjectStageCode; date: Date; articleId: number | null; evidence: string }>();
  for (const r of stageReports) {
    const projectId = projects.get(r.name);
    if (projectId === undefined) continue;
    milestones.set(`${projectId}|${r.stage}|${r.articleId ?? ''}`, { projectId, stage: r.stage, date, articleId: r.articleId, evidence: r.evidence });
  }
  for (const part of chunks([...milestones.values()], CHUNK)) await tx.projectMilestone.createMany({ data: part });
  // A project's stage is the furthest one reported at its latest date.
  const touched = [...new Set([...milestones.values()].map((m) => m.projectId))];
  const history = new Map<number, { stage: ProjectStageCode; date: Date | null }[]>();
  for (const part of chunks(touched, CHUNK)) {
    for (const m of await tx.projectMilestone.findMany({ where: { projectId: { in: part } }, select: { projectId: true, stage: true, date: true } })) {
      const list = history.get(m.projectId) ?? [];
      list.push(m);
      history.set(m.projectId, list);
    }
  }
  const currentStage = new Map([...projectRows.values()].map((row) => [row.id, row.stage]));
  for (const projectId of touched) {
    const latest = (history.get(projectId) ?? []).sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || stageRank(b.stage) - stageRank(a.stage))[0];
    if (latest && latest.stage !== currentStage.get(projectId)) {
      await tx.project.update({ where: { id: projectId }, data: { stage: latest.stage, version: { increment: 1 } } });
    }
  }
  return { projects, orgs };
}
