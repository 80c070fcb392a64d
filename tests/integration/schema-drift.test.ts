// Fails when prisma/schema.prisma and the SQL migrations disagree: a migrated database must
// have exactly the tables, columns, types, defaults, enums, indexes and keys the schema says.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffShapes, shapeFromDatabase, shapeFromPrismaSchema, type DbShape } from '@/lib/db/schema-shape';
import { MIGRATIONS_TABLE } from '@/lib/db/migrate';
import { availableBackends, createTestDatabase, type TestDatabase } from '../support/test-db';

const schemaText = readFileSync('prisma/schema.prisma', 'utf8');

describe.each(availableBackends())('schema drift (%s)', (backend) => {
  let db: TestDatabase;
  let actual: DbShape;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    actual = await shapeFromDatabase(db.sql, [MIGRATIONS_TABLE]);
  });
  afterAll(async () => db?.destroy());

  it('migrations produce exactly the shape schema.prisma describes', () => {
    const expected = shapeFromPrismaSchema(schemaText);
    expect(Object.keys(expected.tables).length).toBeGreaterThan(10);
    expect(diffShapes(expected, actual)).toEqual([]);
  });

  it('reports a field added to the schema without a migration', () => {
    const edited = schemaText.replace(
      /(model Fact \{\n)/,
      '$1  reviewerComment String? @map("reviewer_comment")\n',
    );
    expect(edited).not.toBe(schemaText);
    expect(diffShapes(shapeFromPrismaSchema(edited), actual)).toEqual([
      'column fact.reviewer_comment: missing in the database',
    ]);
  });

  it('reports a changed type, a dropped index and a new enum value', () => {
    const edited = schemaText
      .replace('charCount      Int       @map("char_count")', 'charCount      BigInt    @map("char_count")')
      .replace('  @@index([kind])\n', '')
      .replace('enum FactKind {\n  actual\n', 'enum FactKind {\n  actual\n  estimate\n');
    const diff = diffShapes(shapeFromPrismaSchema(edited), actual);
    expect(diff).toContain('column issue.char_count: schema type bigint, database type integer');
    expect(diff).toContain('index fact(kind): in the database but not in the schema');
    expect(diff.some((d) => d.startsWith('enum fact_kind:'))).toBe(true);
  });
});
