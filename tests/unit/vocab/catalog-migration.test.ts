// A database migrated from before issue 10 gets the catalogue's natures and value types from
// migration 20261202060100: its lists must be the catalogue's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, EVENT_METRICS } from '@/lib/extract/catalog';

const sql = readFileSync(path.resolve(import.meta.dirname, '../../../prisma/migrations/20261202060100_figures/migration.sql'), 'utf8');
const listAfter = (marker: string): string[] => {
  const at = sql.indexOf(marker);
  const body = sql.slice(at, sql.indexOf(');', at));
  return [...body.matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1]!).filter((k) => k !== 'quantity' && k !== 'event');
};

describe('catalogue carried by the migration', () => {
  it('sets nature event for exactly the catalogue’s event metrics', () => {
    expect(new Set(listAfter(`UPDATE "metric" SET "nature" = 'event'`))).toEqual(new Set(EVENT_METRICS));
    expect(DEFAULT_CATALOG.filter((m) => m.nature === 'event').map((m) => m.key).sort()).toEqual([...EVENT_METRICS].sort());
  });
  it('types as quantity exactly the catalogue’s physical quantities', () => {
    expect(new Set(listAfter(`UPDATE "metric" SET "value_type" = 'quantity'`))).toEqual(
      new Set(DEFAULT_CATALOG.filter((m) => m.valueType === 'quantity').map((m) => m.key)),
    );
  });
  it('gives every metric a nature, and events only to metrics that add up or stand alone', () => {
    for (const m of DEFAULT_CATALOG) {
      expect(m.nature, m.key).toMatch(/^(level|event)$/);
      if (m.nature === 'event') expect(['sum', 'none'], m.key).toContain(m.aggregation);
    }
  });
});
