// A database that had the catalogue before the scorecard gets its default indicators from
// migration 20261202102120_scorecard; a fresh one from lib/seed/scorecard.ts. Both lists must
// agree, and the metrics the migration adds must be the catalogue's rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '@/lib/extract/catalog';
import { SCORECARD_DEFAULTS, SCORECARD_DIMENSION_KEYS } from '@/lib/seed/scorecard';

const sql = readFileSync(path.resolve(import.meta.dirname, '../../../prisma/migrations/20261202102120_scorecard/migration.sql'), 'utf8');

describe('scorecard defaults carried by the migration', () => {
  it('assigns exactly the seed’s indicators, in the same order', () => {
    const rows = [...sql.matchAll(/\('([a-z]+)', '([a-z0-9_]+)', (\d+)\)/g)].map((m) => ({ dim: m[1]!, key: m[2]!, ord: Number(m[3]) }));
    const fromSql: Record<string, string[]> = {};
    for (const r of rows.sort((a, b) => a.ord - b.ord)) (fromSql[r.dim] ??= []).push(r.key);
    expect(fromSql).toEqual(SCORECARD_DEFAULTS);
  });
  it('creates the five dimensions and every default indicator is a catalogue metric', () => {
    for (const k of SCORECARD_DIMENSION_KEYS) expect(sql).toContain(`('${k}', '`);
    const keys = new Set(DEFAULT_CATALOG.map((m) => m.key));
    for (const k of Object.values(SCORECARD_DEFAULTS).flat()) expect(keys.has(k), k).toBe(true);
  });
  it('adds the catalogue’s new metrics with the catalogue’s unit, type, aggregation, direction and nature', () => {
    for (const key of ['leading_industry_share', 'high_tech_industry_share', 'investment_funds_in_place']) {
      const m = DEFAULT_CATALOG.find((x) => x.key === key)!;
      const line = sql.split('\n').find((l) => l.includes(`('${key}',`))!;
      expect(line, key).toContain(`'${m.unit}', '${m.valueType}'::"value_type", '${m.aggregation}'::"aggregation", '${m.direction}'::"direction", '${m.nature}'::"metric_nature", '${m.category}'`);
      expect(line).toContain(`ARRAY[${m.keywords.map((k) => `'${k}'`).join(', ')}]`);
    }
  });
});
