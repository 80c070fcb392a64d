// The vocabulary lives once in lib/vocab; its SQL side (enums, the period rule, unit families and
// base values, the event key of the figure rule) and the migrated catalogue must agree with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';
import { FACT_KINDS } from '@/lib/vocab/kinds';
import { COMPARATORS } from '@/lib/vocab/comparators';
import { periodClass } from '@/lib/vocab/periods';
import { PROJECT_STAGES } from '@/lib/vocab/projects';
import { baseValue, eventLabelNorm, figureEvent, figureFamily, METRIC_NATURES, sameEventLabel } from '@/lib/vocab/figure';
import { UNITS } from '@/lib/vocab/units';
import { VALUE_TYPES } from '@/lib/validations/metrics';
import { DEFAULT_CATALOG } from '@/lib/extract/catalog';

describe.each(availableBackends())('vocabulary vs SQL (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, { seed: true });
  }, 120_000);
  afterAll(async () => db?.destroy());

  const enumValues = async (name: string) =>
    (await db.sql.query<{ v: string }>(`SELECT unnest(enum_range(NULL::${name}))::text AS v`)).map((r) => r.v);

  it('has the enums of the vocabulary', async () => {
    expect(await enumValues('fact_kind')).toEqual([...FACT_KINDS]);
    expect(await enumValues('comparator')).toEqual([...COMPARATORS]);
    expect(await enumValues('metric_nature')).toEqual([...METRIC_NATURES]);
    expect(await enumValues('project_stage')).toEqual([...PROJECT_STAGES]);
    expect(await enumValues('value_type')).toEqual([...VALUE_TYPES]);
  });

  it('applies the period rule as periodClass does', async () => {
    for (const p of [null, 'FY', 'cumulative', 'H1', 'H2', 'Q3', 'M01-M07']) {
      const [row] = await db.sql.query<{ c: string }>('SELECT period_class($1::text) AS c', [p]);
      expect(row?.c, String(p)).toBe(periodClass(p));
    }
  });

  it('gives every registered unit the family and base value of the registry', async () => {
    const values = ['1', '15', '2.5', '0.333333', '238580000', '7'];
    const codes = [...UNITS.map((u) => u.code), 'other:未登记的量词'];
    for (const code of codes) {
      const [fam] = await db.sql.query<{ f: string }>('SELECT unit_family($1) AS f', [code]);
      expect(fam?.f, code).toBe(figureFamily(code));
      for (const v of values) {
        const [b] = await db.sql.query<{ b: string }>('SELECT unit_base_value($1::numeric, $2) AS b', [v, code]);
        expect(b?.b, `${v} ${code}`).toBe(baseValue(v, code));
      }
    }
    // 15 亩 and 1 公顷 are one value; 人 and 人次 are different families.
    expect(baseValue('15', 'mu')).toBe(baseValue('1', 'hectare'));
    expect(figureFamily('person')).not.toBe(figureFamily('person_time'));
  });

  it('keys events as figureEvent does', async () => {
    const cases: [('level' | 'event'), string | null, string, string][] = [
      ['level', null, '12', 'percent'],
      ['event', null, '150', 'person'],
      ['event', null, '15', 'mu'],
      ['event', 'm42', '100', 'person'],
    ];
    for (const [nature, eventKey, value, unit] of cases) {
      const [r] = await db.sql.query<{ e: string }>('SELECT figure_event($1::metric_nature, $2, $3::numeric, $4) AS e', [nature, eventKey, value, unit]);
      expect(r?.e).toBe(figureEvent({ nature, eventKey, value, unit }));
    }
  });

  it('compares event labels as sameEventLabel does', async () => {
    const cases: [string | null, string | null][] = [
      ['科技特派员培训', '科技特派员 培训'],
      ['培训', '科技特派员培训'],
      ['科技特派员培训', '两新组织出资人培训'],
      ['消防安全培训班', '消防安全培训'],
      ['电商直播培训', '消防安全培训'],
      ['挪用、侵占资金', '挪用侵占资金（万元）'],
      ['AI Training 2023', 'ai training'],
      ['O3 治理培训', 'o3治理培训。'],
      [null, '培训'],
      ['', ''],
      ['“专精特新”企业', '专精特新企业'],
      ['一', '二'],
    ];
    let same = 0;
    for (const [a, b] of cases) {
      const [r] = await db.sql.query<{ n: string; s: boolean }>('SELECT event_label_norm($1) AS n, same_event_label($1, $2) AS s', [a, b]);
      expect(r?.n, String(a)).toBe(eventLabelNorm(a));
      expect(r?.s, `${a} / ${b}`).toBe(sameEventLabel(a, b));
      if (r?.s) same++;
    }
    // Both answers occur (the cases test something).
    expect(same).toBeGreaterThan(2);
    expect(same).toBeLessThan(cases.length);
    expect(sameEventLabel('科技特派员培训', '两新组织出资人培训')).toBe(false);
    expect(sameEventLabel('科技特派员培训', '科技特派员 培训')).toBe(true);
  });

  it('carries the catalogue: every shipped metric has its nature and value type, and a unit of the registry', async () => {
    const rows = await db.prisma.metric.findMany({ select: { key: true, nature: true, valueType: true, unit: true } });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const m of DEFAULT_CATALOG) {
      expect(byKey.get(m.key)?.nature, m.key).toBe(m.nature);
      expect(byKey.get(m.key)?.valueType, m.key).toBe(m.valueType);
      expect(UNITS.some((u) => u.code === m.unit), m.key).toBe(true);
    }
    // Money is typed 金额 only when it is money.
    for (const m of DEFAULT_CATALOG) if (m.valueType === 'amount') expect(['CNY', 'USD'], m.key).toContain(m.unit);
  });
});
