// The demo issue (湘潭日报 2023-05-19, bundled under prisma/seed/demo) goes through the real
// import path, like any issue an admin imports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestIssue, type IngestResult } from '@/lib/ingest/ingest';
import { projectStageOf } from '@/lib/vocab/projects';
import { DEFAULT_PUBLICATION } from './reference';
import type { AppPrismaClient } from '@/lib/db/client';

export const DEMO_ISSUE = {
  file: 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt',
  date: '2023-05-19',
  publication: DEFAULT_PUBLICATION.name,
  page: '1',
} as const;

export async function loadDemoIssue(prisma: AppPrismaClient): Promise<IngestResult> {
  const text = readFileSync(path.resolve(process.cwd(), DEMO_ISSUE.file), 'utf8');
  return ingestIssue(prisma, {
    text,
    date: DEMO_ISSUE.date,
    publication: DEMO_ISSUE.publication,
    page: DEMO_ISSUE.page,
    sourceFileName: path.basename(DEMO_ISSUE.file),
  });
}

interface ReviewedFact {
  article: string;
  evidence: string;
  value: number | string;
  unit: string;
  comparator: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
  kind: 'actual' | 'target' | 'forecast' | 'plan';
  year: number | null;
  subject: string | null;
  /** A project or organisation subject (else the subject is a park or region name). */
  subjectType?: 'project' | 'org';
  /** The park a project or organisation is in. */
  park?: string;
  metric: string;
}
interface ReviewedRecognition {
  subject: string;
  year: number;
  title: string;
  level: 'national' | 'province' | 'city' | 'county';
  article: string;
}
interface DemoReview {
  facts: ReviewedFact[];
  recognitions: ReviewedRecognition[];
}

export interface DemoReviewResult {
  approved: number;
  added: number;
  recognitions: number;
  leftAsDraft: number;
}

/** Text compared without spaces and with one kind of quote, with a map back to the original. */
function canonical(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let ch = s[i] ?? '';
    if (/\s/.test(ch)) continue;
    if ('“”„"「」『』'.includes(ch)) ch = '"';
    else if ("‘’'".includes(ch)) ch = "'";
    else if (ch === '（') ch = '(';
    else if (ch === '）') ch = ')';
    else if (ch === '，') ch = ',';
    else if (ch === '：') ch = ':';
    else if (ch === '％') ch = '%';
    text += ch;
    map.push(i);
  }
  return { text, map };
}

/**
 * Applies the project team's review of the demo issue (prisma/seed/demo/review.json) to its
 * extracted drafts: matching figures are corrected and approved, figures the extractor missed
 * are added with their source sentence, and the page's awards are recorded. Idempotent.
 */
export async function applyDemoReview(prisma: AppPrismaClient, issueId: number): Promise<DemoReviewResult> {
  const review = JSON.parse(
    readFileSync(path.resolve(process.cwd(), 'prisma/seed/demo/review.json'), 'utf8'),
  ) as DemoReview;
  const [articles, metrics, parks, regions] = await Promise.all([
    prisma.article.findMany({ where: { issueId }, select: { id: true, headline: true, body: true } }),
    prisma.metric.findMany({ select: { id: true, key: true } }),
    prisma.park.findMany({ select: { id: true, name: true } }),
    prisma.region.findMany({ select: { id: true, name: true } }),
  ]);
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  const parkId = new Map(parks.map((p) => [p.name, p.id]));
  const regionId = new Map(regions.map((r) => [r.name, r.id]));
  const bodies = articles.map((a) => ({ ...a, c: canonical(a.body) }));
  const result: DemoReviewResult = { approved: 0, added: 0, recognitions: 0, leftAsDraft: 0 };

  await prisma.$transaction(
    async (tx) => {
      for (const r of review.facts) {
        const ev = canonical(r.evidence).text;
        const hit = bodies.find((b) => b.c.text.includes(ev));
        const metric = metricId.get(r.metric) ?? metricId.get('unclassified');
        if (!hit || metric === undefined) continue;
        const at = hit.c.text.indexOf(ev);
        const evStart = hit.c.map[at] ?? 0;
        const evEnd = (hit.c.map[at + ev.length - 1] ?? evStart) + 1;
        const named = r.subjectType !== undefined;
        const subject = {
          parkId: r.subject && !named ? (parkId.get(r.subject) ?? null) : null,
          regionId: r.subject && !named ? (regionId.get(r.subject) ?? null) : null,
        };
        // Projects and organisations are records of their own (linked across articles by name).
        const place = { parkId: r.park !== undefined ? (parkId.get(r.park) ?? null) : null };
        const projectId =
          r.subject && r.subjectType === 'project'
            ? (await tx.project.upsert({ where: { name: r.subject }, create: { name: r.subject, ...place, stage: projectStageOf(r.evidence) }, update: {}, select: { id: true } })).id
            : null;
        const orgId =
          r.subject && projectId === null && subject.parkId === null && subject.regionId === null
            ? (await tx.organization.upsert({ where: { name: r.subject }, create: { name: r.subject, ...place }, update: {}, select: { id: true } })).id
            : null;
        const corrected = {
          metricId: metric,
          ...subject,
          projectId,
          orgId,
          orgName: r.subject && subject.parkId === null && subject.regionId === null ? r.subject : null,
          year: r.year,
          kind: r.kind,
          comparator: r.comparator,
          unit: r.unit,
          value: String(r.value),
          status: 'approved' as const,
          reviewedAt: new Date(),
        };
        const candidates = await tx.fact.findMany({
          where: { articleId: hit.id, unit: r.unit, value: String(r.value), deletedAt: null },
          select: { id: true, spanStart: true, status: true },
        });
        const match = candidates.find((c) => c.spanStart !== null && c.spanStart >= evStart && c.spanStart < evEnd);
        if (match) {
          if (match.status === 'approved') continue;
          await tx.fact.update({ where: { id: match.id }, data: { ...corrected, version: { increment: 1 } } });
          await tx.auditLog.create({
            data: { action: 'approve', entityType: 'fact', entityId: String(match.id), after: corrected, note: 'demo review applied by seed' },
          });
          result.approved++;
          continue;
        }
        // The extractor missed it: add it as the reviewer would, with its source sentence.
        const already = await tx.fact.findFirst({
          where: { articleId: hit.id, source: 'manual', value: String(r.value), unit: r.unit, evidence: r.evidence },
          select: { id: true },
        });
        if (already) continue;
        const numberAt = hit.body.slice(evStart, evEnd).search(/[0-9０-９一二两三四五六七八九十百千万亿]/);
        const spanStart = numberAt >= 0 ? evStart + numberAt : evStart;
        const created = await tx.fact.create({
          data: {
            ...corrected,
            source: 'manual',
            sourceNote: '演示数据审核时补录（原文见引文）',
            articleId: hit.id,
            evidence: hit.body.slice(evStart, evEnd),
            spanStart,
            spanEnd: evEnd,
            rawText: hit.body.slice(spanStart, evEnd),
          },
          select: { id: true },
        });
        await tx.auditLog.create({
          data: { action: 'create', entityType: 'fact', entityId: String(created.id), after: corrected, note: 'demo review applied by seed' },
        });
        result.added++;
      }

      for (const rec of review.recognitions) {
        const park = parkId.get(rec.subject);
        const region = regionId.get(rec.subject);
        const exists = await tx.recognition.findFirst({
          where: { year: rec.year, title: rec.title, parkId: park ?? null, regionId: park ? null : (region ?? null) },
          select: { id: true },
        });
        if (exists) continue;
        const source = bodies.find((b) => canonical(b.headline).text === canonical(rec.article).text);
        const created = await tx.recognition.create({
          data: {
            parkId: park ?? null,
            regionId: park ? null : (region ?? null),
            year: rec.year,
            title: rec.title,
            level: rec.level,
            articleId: source?.id ?? null,
            evidence: source ? sentenceMentioning(source.body, rec.subject) : null,
            status: 'approved',
          },
          select: { id: true },
        });
        await tx.auditLog.create({
          data: { action: 'create', entityType: 'recognition', entityId: String(created.id), after: { ...rec }, note: 'demo review applied by seed' },
        });
        result.recognitions++;
      }
    },
    { timeout: 60_000 },
  );
  result.leftAsDraft = await prisma.fact.count({ where: { article: { issueId }, status: 'draft', deletedAt: null } });
  return result;
}

/** The first sentence of the body that names the subject (for an award's provenance). */
function sentenceMentioning(body: string, subject: string): string | null {
  const sentences = body.split(/(?<=[。！？；])/);
  return sentences.find((s) => s.includes(subject))?.trim() ?? null;
}
