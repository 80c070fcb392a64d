// Reads for the audit-log page: filter by fact (entity type + id), user, action and date range,
// newest first, paginated; plus a readable field-by-field diff of before/after.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { z } from 'zod';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));
const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), '日期格式应为 YYYY-MM-DD');

/** The page's URL query (all optional; bad values are reported, never thrown). */
export const auditQuerySchema = z.object({
  entityType: optionalText,
  entityId: optionalText,
  userId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((v) => v === undefined || (Number.isInteger(v) && v > 0), '用户编号无效'),
  action: optionalText,
  from: isoDate,
  to: isoDate,
  page: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : 1))
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 100_000, '页码无效'),
});
export type AuditQuery = Partial<Omit<z.output<typeof auditQuerySchema>, 'page'>> & { page: number };

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: number;
  createdAt: string;
  user: { id: number; username: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  note: string | null;
  changes: DiffLine[];
  /** What the entry is about, in words (a fact's metric and figure, an issue's date). */
  entityLabel?: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
}

export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
}

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function flatten(v: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      // One level of nesting is flattened; deeper values are shown as JSON.
      if (!prefix && x !== null && typeof x === 'object' && !Array.isArray(x)) flatten(x, key, out);
      else out.set(key, x);
    }
  } else if (v !== undefined && v !== null) {
    out.set(prefix || 'value', v);
  }
  return out;
}

/** Field-by-field changes between two JSON values; unchanged fields are left out. */
export function diffValues(before: unknown, after: unknown): DiffLine[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const lines: DiffLine[] = [];
  for (const field of fields) {
    const x = show(a.get(field));
    const y = show(b.get(field));
    if (x !== y) lines.push({ field, before: x, after: y });
  }
  return lines;
}

export function auditWhere(q: AuditQuery): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (q.entityType) where.entityType = q.entityType;
  if (q.entityId) where.entityId = q.entityId;
  if (q.userId !== undefined) where.userId = q.userId;
  if (q.action) where.action = q.action;
  if (q.from || q.to) {
    where.createdAt = {
      ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
      // "to" is inclusive: up to the end of that day.
      ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  return where;
}

export async function listAuditEntries(q: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const where = auditWhere(q);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (q.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        note: true,
        before: true,
        after: true,
        user: { select: { id: true, username: true, displayName: true } },
      },
    }),
  ]);
  const out: AuditRow[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    user: r.user,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    note: r.note,
    changes: diffValues(r.before, r.after),
  }));
  await nameReferences(prisma, out);
  return { total, page: q.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), rows: out };
}

/** Fields that hold the id of a named record, and how to read the names. */
const REFERENCES = {
  metricId: 'metric',
  mergedIntoId: 'metric',
  parkId: 'park',
  regionId: 'region',
  parentId: 'region',
  projectId: 'project',
  orgId: 'organization',
  publicationId: 'publication',
} as const;
type RefKind = (typeof REFERENCES)[keyof typeof REFERENCES];

/**
 * The log speaks in names: a diff line of metricId 1 → 65 reads 工业总产值 → 固定资产投资 (the id
 * kept in brackets for the record), and each entry's subject carries a label (the fact's metric,
 * the issue's date). Ids that no longer resolve are left as they are.
 */
async function nameReferences(prisma: Awaited<ReturnType<typeof getPrisma>>, rows: AuditRow[]): Promise<void> {
  const wanted: Record<RefKind, Set<number>> = {
    metric: new Set(), park: new Set(), region: new Set(), project: new Set(), organization: new Set(), publication: new Set(),
  };
  // A park's parentId is its parent park (a sub-park's), a region's is a region.
  const refOf = (field: string, entityType: string): RefKind | undefined => {
    const last = field.split('.').pop();
    return last === 'parentId' && entityType === 'park' ? 'park' : REFERENCES[last as keyof typeof REFERENCES];
  };
  for (const r of rows) {
    for (const c of r.changes) {
      const kind = refOf(c.field, r.entityType);
      if (!kind) continue;
      for (const v of [c.before, c.after]) if (v !== null && /^\d{1,9}$/.test(v)) wanted[kind].add(Number(v));
    }
  }
  const factIds = rows.filter((r) => r.entityType === 'fact' && r.entityId && /^\d{1,9}$/.test(r.entityId)).map((r) => Number(r.entityId));
  const issueIds = rows.filter((r) => r.entityType === 'issue' && r.entityId && /^\d{1,9}$/.test(r.entityId)).map((r) => Number(r.entityId));
  const ids = (k: RefKind) => [...wanted[k]];
  const [metrics, parks, regions, projects, orgs, pubs, facts, issues] = await Promise.all([
    prisma.metric.findMany({ where: { id: { in: ids('metric') } }, select: { id: true, nameZh: true } }),
    prisma.park.findMany({ where: { id: { in: ids('park') } }, select: { id: true, name: true } }),
    prisma.region.findMany({ where: { id: { in: ids('region') } }, select: { id: true, name: true } }),
    prisma.project.findMany({ where: { id: { in: ids('project') } }, select: { id: true, name: true } }),
    prisma.organization.findMany({ where: { id: { in: ids('organization') } }, select: { id: true, name: true } }),
    prisma.publication.findMany({ where: { id: { in: ids('publication') } }, select: { id: true, name: true } }),
    prisma.fact.findMany({
      where: { id: { in: factIds } },
      select: { id: true, metricLabel: true, rawText: true, metric: { select: { nameZh: true } } },
    }),
    prisma.issue.findMany({ where: { id: { in: issueIds } }, select: { id: true, date: true, page: true, publication: { select: { name: true } } } }),
  ]);
  const names: Record<RefKind, Map<string, string>> = {
    metric: new Map(metrics.map((m) => [String(m.id), m.nameZh])),
    park: new Map(parks.map((p) => [String(p.id), p.name])),
    region: new Map(regions.map((p) => [String(p.id), p.name])),
    project: new Map(projects.map((p) => [String(p.id), p.name])),
    organization: new Map(orgs.map((p) => [String(p.id), p.name])),
    publication: new Map(pubs.map((p) => [String(p.id), p.name])),
  };
  const factLabel = new Map(facts.map((f) => [String(f.id), [f.metric.nameZh, f.rawText].filter(Boolean).join(' ')]));
  const issueLabel = new Map(issues.map((i) => [String(i.id), `${i.publication.name} ${i.date.toISOString().slice(0, 10)}${i.page ? ` 第${i.page}版` : ''}`]));
  for (const r of rows) {
    if (r.entityId) r.entityLabel = (r.entityType === 'fact' ? factLabel : r.entityType === 'issue' ? issueLabel : undefined)?.get(r.entityId) ?? null;
    for (const c of r.changes) {
      const kind = refOf(c.field, r.entityType);
      if (!kind) continue;
      const name = (v: string | null) => (v !== null && names[kind].has(v) ? `${names[kind].get(v)}（#${v}）` : v);
      c.before = name(c.before);
      c.after = name(c.after);
    }
  }
}

/** Distinct actions and entity types present, for the filter pickers. */
export async function listAuditFacets(): Promise<{ actions: string[]; entityTypes: string[] }> {
  await requireRole('admin');
  const prisma = await getPrisma();
  const [actions, types] = await Promise.all([
    prisma.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    prisma.auditLog.findMany({ distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType) };
}
