// The history of approved figures for readers: when a figure was last revised and the value it
// had before (fact_version rows, written by a trigger on fact for every change of an approved
// figure). The reader sees "修订于 <date>" with the previous value one click away.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { ComparatorCode } from '@/lib/vocab/comparators';

export interface FactRevision {
  /** When the figure last changed (ISO). */
  revisedAt: string;
  /** How many earlier versions there are. */
  versions: number;
  /** The values just before the last change. */
  previous: {
    value: string;
    unit: string;
    comparator: ComparatorCode;
    kind: 'actual' | 'target' | 'forecast' | 'plan';
    year: number | null;
    period: string | null;
    metric: string;
  };
  /** Who changed it (display name), when known. */
  by: string | null;
}

/** Revisions of the given facts, keyed by fact id; facts never revised are absent. */
export async function getFactRevisions(factIds: number[]): Promise<Record<number, FactRevision>> {
  await requireRole('viewer');
  const ids = [...new Set(factIds.filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647))];
  if (ids.length === 0) return {};
  const prisma = await getPrisma();
  const rows = await prisma.factVersion.findMany({
    where: { factId: { in: ids } },
    orderBy: [{ factId: 'asc' }, { changedAt: 'desc' }, { id: 'desc' }],
    select: {
      factId: true, changedAt: true, value: true, unit: true, comparator: true, kind: true, year: true, period: true,
      metric: { select: { nameZh: true } }, changedBy: { select: { displayName: true } },
    },
  });
  const out: Record<number, FactRevision> = {};
  for (const r of rows) {
    const seen = out[r.factId];
    if (seen) {
      seen.versions++;
      continue;
    }
    out[r.factId] = {
      revisedAt: r.changedAt.toISOString(),
      versions: 1,
      previous: {
        value: r.value.toString(), unit: r.unit, comparator: r.comparator, kind: r.kind, year: r.year, period: r.period,
        metric: r.metric.nameZh,
      },
      by: r.changedBy?.displayName ?? null,
    };
  }
  return out;
}
