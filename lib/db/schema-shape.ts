// Compares the database shape the Prisma schema implies with the shape migrations produce.
// Prisma's own `migrate diff` needs a schema-engine binary this environment cannot download,
// so this reads schema.prisma (the subset of the language the project uses) and the catalog
// of a migrated database, and lists every difference in tables, columns, types, nullability,
// defaults, enums, indexes, unique constraints and foreign keys.
import type { SqlRunner } from './sql-runner';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  /** "cols" for plain indexes, "unique:cols" for unique ones, "pk:cols" for the primary key. */
  indexes: string[];
  /** "cols->table(cols)" */
  foreignKeys: string[];
}

export interface DbShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

interface PField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}

interface PModel {
  name: string;
  fields: PField[];
  blockAttrs: string[];
}

function snakeMap(attrs: string, attr: string): string | undefined {
  const m = new RegExp(`${attr}\\("([^"]+)"\\)`).exec(attrs);
  return m?.[1];
}

function parseBlocks(schema: string): { models: PModel[]; enums: Map<string, { dbName: string; values: string[] }> } {
  const models: PModel[] = [];
  const enums = new Map<string, { dbName: string; values: string[] }>();
  const lines = schema.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim());
  for (let i = 0; i < lines.length; i++) {
    const head = /^(model|enum)\s+(\w+)\s*\{$/.exec(lines[i] ?? '');
    if (!head) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '}'; i++) if (lines[i]) body.push(lines[i] ?? '');
    const kind = head[1];
    const name = head[2] ?? '';
    if (kind === 'enum') {
      const values = body.filter((l) => /^\w+$/.test(l));
      const dbName = body.map((l) => snakeMap(l, '@@map')).find(Boolean) ?? name;
      enums.set(name, { dbName, values });
    } else {
      const fields: PField[] = [];
      const blockAttrs: string[] = [];
      for (const l of body) {
        if (l.startsWith('@@')) {
          blockAttrs.push(l);
          continue;
        }
        const f = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(l);
        if (f) fields.push({ name: f[1] ?? '', type: f[2] ?? '', list: !!f[3], optional: !!f[4], attrs: f[5] ?? '' });
      }
      models.push({ name, fields, blockAttrs });
    }
  }
  return { models, enums };
}

const SCALAR: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Float: 'double precision',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function nativeType(attrs: string): string | undefined {
  const m = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(attrs);
  if (!m) return undefined;
  const args = m[2]?.replace(/\s/g, '');
  switch (m[1]) {
    case 'Date':
      return 'date';
    case 'Char':
      return `char(${args})`;
    case 'VarChar':
      return `varchar(${args})`;
    case 'Decimal':
      return `numeric(${args})`;
    case 'Text':
      return 'text';
    case 'Timestamptz':
      return `timestamptz(${args ?? 3})`;
    default:
      return m[1]?.toLowerCase();
  }
}

function listOf(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

/** The database shape that prisma/schema.prisma describes. */
export function shapeFromPrismaSchema(schema: string): DbShape {
  const { models, enums } = parseBlocks(schema);
  const modelNames = new Set(models.map((m) => m.name));
  const tableOf = new Map(models.map((m) => [m.name, m.blockAttrs.map((a) => snakeMap(a, '@@map')).find(Boolean) ?? m.name]));
  const shape: DbShape = { tables: {}, enums: {} };
  for (const e of enums.values()) shape.enums[e.dbName] = [...e.values];

  for (const m of models) {
    const columnOf = new Map<string, string>();
    for (const f of m.fields) columnOf.set(f.name, snakeMap(f.attrs, '@map') ?? f.name);
    const cols = (names: string[]) => names.map((n) => columnOf.get(n.replace(/\(.*\)$/, '')) ?? n).join(',');
    const table: TableShape = { columns: {}, indexes: [], foreignKeys: [] };
    for (const f of m.fields) {
      if (modelNames.has(f.type)) {
        const rel = /fields:\s*\[([^\]]+)\],\s*references:\s*\[([^\]]+)\]/.exec(f.attrs);
        if (rel) table.foreignKeys.push(`${cols(listOf(rel[1] ?? ''))}->${tableOf.get(f.type)}(${listOf(rel[2] ?? '').join(',')})`);
        continue;
      }
      const en = enums.get(f.type);
      let type = en ? en.dbName : (nativeType(f.attrs) ?? SCALAR[f.type] ?? `?${f.type}`);
      if (f.list) type += '[]';
      const column = columnOf.get(f.name) ?? f.name;
      // Prisma creates scalar lists as nullable columns in PostgreSQL.
      table.columns[column] = {
        type,
        nullable: f.optional || f.list,
        hasDefault: /@default\(/.test(f.attrs),
      };
      if (/@id\b/.test(f.attrs)) table.indexes.push(`pk:${column}`);
      if (/@unique\b/.test(f.attrs)) table.indexes.push(`unique:${column}`);
    }
    for (const a of m.blockAttrs) {
      const idx = /^@@(index|unique|id)\(\[([^\]]+)\]/.exec(a);
      if (!idx) continue;
      const prefix = idx[1] === 'index' ? '' : idx[1] === 'unique' ? 'unique:' : 'pk:';
      table.indexes.push(`${prefix}${cols(listOf(idx[2] ?? ''))}`);
    }
    table.indexes.sort();
    table.foreignKeys.sort();
    shape.tables[tableOf.get(m.name) ?? m.name] = table;
  }
  return shape;
}

function normaliseDbType(dataType: string, udt: string, len: number | null, prec: number | null, scale: number | null, dtPrec: number | null): string {
  switch (dataType) {
    case 'USER-DEFINED':
      return udt;
    case 'ARRAY':
      return `${normaliseDbType(udt === '_text' ? 'text' : udt === '_int4' ? 'integer' : udt.replace(/^_/, ''), '', null, null, null, null)}[]`;
    case 'character varying':
      return `varchar(${len})`;
    case 'character':
      return `char(${len})`;
    case 'numeric':
      return `numeric(${prec},${scale})`;
    case 'timestamp without time zone':
      return `timestamp(${dtPrec})`;
    case 'timestamp with time zone':
      return `timestamptz(${dtPrec})`;
    default:
      return dataType;
  }
}

/** The shape of the public schema of a database, ignoring the migrator's own table. */
export async function shapeFromDatabase(sql: SqlRunner, ignoreTables: string[] = []): Promise<DbShape> {
  const shape: DbShape = { tables: {}, enums: {} };
  const cols = await sql.query<{
    table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string;
    column_default: string | null; character_maximum_length: number | null; numeric_precision: number | null;
    numeric_scale: number | null; datetime_precision: number | null;
  }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length,
            numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  for (const c of cols) {
    if (ignoreTables.includes(c.table_name)) continue;
    const t = (shape.tables[c.table_name] ??= { columns: {}, indexes: [], foreignKeys: [] });
    t.columns[c.column_name] = {
      type: normaliseDbType(c.data_type, c.udt_name, c.character_maximum_length, c.numeric_precision, c.numeric_scale, c.datetime_precision),
      nullable: c.is_nullable === 'YES',
      hasDefault: c.column_default !== null,
    };
  }
  const idx = await sql.query<{ table_name: string; is_unique: boolean; is_primary: boolean; cols: string }>(
    `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            string_agg(a.attname, ',' ORDER BY k.ord) AS cols
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`,
  );
  for (const i of idx) {
    const t = shape.tables[i.table_name];
    if (!t) continue;
    t.indexes.push(`${i.is_primary ? 'pk:' : i.is_unique ? 'unique:' : ''}${i.cols}`);
  }
  const fks = await sql.query<{ table_name: string; cols: string; ref_table: string; ref_cols: string }>(
    `SELECT c.conrelid::regclass::text AS table_name,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
            c.confrelid::regclass::text AS ref_table,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_cols
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
      WHERE c.contype = 'f'`,
  );
  for (const f of fks) {
    const name = f.table_name.replace(/"/g, '');
    const t = shape.tables[name];
    if (!t) continue;
    t.foreignKeys.push(`${f.cols}->${f.ref_table.replace(/"/g, '')}(${f.ref_cols})`);
  }
  for (const t of Object.values(shape.tables)) {
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  const en = await sql.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
  );
  for (const e of en) (shape.enums[e.name] ??= []).push(e.label);
  return shape;
}

/** Every difference, one readable line each; empty when the shapes agree. */
export function diffShapes(expected: DbShape, actual: DbShape): string[] {
  const out: string[] = [];
  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) out.push(`enum ${name}: missing in the database`);
    else if (got.join(',') !== values.join(',')) out.push(`enum ${name}: schema has [${values}], database has [${got}]`);
  }
  for (const name of Object.keys(actual.enums)) if (!expected.enums[name]) out.push(`enum ${name}: in the database but not in the schema`);
  for (const [tname, t] of Object.entries(expected.tables)) {
    const a = actual.tables[tname];
    if (!a) {
      out.push(`table ${tname}: missing in the database`);
      continue;
    }
    for (const [cname, c] of Object.entries(t.columns)) {
      const ac = a.columns[cname];
      if (!ac) {
        out.push(`column ${tname}.${cname}: missing in the database`);
        continue;
      }
      if (ac.type !== c.type) out.push(`column ${tname}.${cname}: schema type ${c.type}, database type ${ac.type}`);
      if (ac.nullable !== c.nullable) out.push(`column ${tname}.${cname}: schema ${c.nullable ? 'nullable' : 'NOT NULL'}, database ${ac.nullable ? 'nullable' : 'NOT NULL'}`);
      // autoincrement ids get a sequence default in SQL without @default being a literal
      if (ac.hasDefault !== c.hasDefault) out.push(`column ${tname}.${cname}: schema ${c.hasDefault ? 'has' : 'has no'} default, database ${ac.hasDefault ? 'has' : 'has no'} default`);
    }
    for (const cname of Object.keys(a.columns)) if (!t.columns[cname]) out.push(`column ${tname}.${cname}: in the database but not in the schema`);
    for (const i of t.indexes) if (!a.indexes.includes(i)) out.push(`index ${tname}(${i}): missing in the database`);
    for (const i of a.indexes) if (!t.indexes.includes(i)) out.push(`index ${tname}(${i}): in the database but not in the schema`);
    for (const f of t.foreignKeys) if (!a.foreignKeys.includes(f)) out.push(`foreign key ${tname} ${f}: missing in the database`);
    for (const f of a.foreignKeys) if (!t.foreignKeys.includes(f)) out.push(`foreign key ${tname} ${f}: in the database but not in the schema`);
  }
  for (const tname of Object.keys(actual.tables)) if (!expected.tables[tname]) out.push(`table ${tname}: in the database but not in the schema`);
  return out;
}
