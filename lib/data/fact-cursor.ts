// Keyset cursors of the fact list: [sort, key, id] as base64url JSON, checked field by field on
// the way back in (a cursor is user input that ends up in SQL as typed parameters).
import type { FactSort } from '@/lib/validations/api';

/** A cursor that was not produced by this API (or belongs to another sort). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** The sort key of the last row of a page: a year, a decimal or date string, or null. */
export type CursorKey = number | string | null;

export function encodeCursor(sort: FactSort, key: CursorKey, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

/** Largest id PostgreSQL's int4 columns hold: anything above cannot be a fact's id. */
const MAX_INT4 = 2_147_483_647;

/** True for a real calendar date YYYY-MM-DD (not 2023-13-45 or 2026-02-30). */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Parses and checks a cursor: every field is checked before any of it reaches SQL (it goes in as
 * a parameter cast to int, numeric or date, and a value the cast refuses would be a 500).
 * The message names the field at fault.
 */
export function decodeCursor(sort: FactSort, cursor: string): { key: CursorKey; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('Invalid query.cursor: not a cursor of this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError('Invalid query.cursor: not a cursor of this API');
  const [s, key, id] = parsed as unknown[];
  if (s !== sort) throw new InvalidCursorError('Invalid query.cursor: it belongs to another sort order');
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_INT4) {
    throw new InvalidCursorError(`Invalid query.cursor: its id must be an integer from 1 to ${MAX_INT4}`);
  }
  const ok =
    (sort === 'id' && key === null) ||
    (sort === 'year' && (key === null || (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 9999))) ||
    (sort === 'value' && typeof key === 'string' && /^-?\d{1,24}(\.\d{1,6})?$/.test(key)) ||
    (sort === 'date' && typeof key === 'string' && isCalendarDate(key));
  if (!ok) {
    const expected = { id: 'null', year: 'a year 0–9999 or null', value: 'a decimal number', date: 'a calendar date YYYY-MM-DD' }[sort];
    throw new InvalidCursorError(`Invalid query.cursor: its ${sort} key must be ${expected}`);
  }
  return { key: key as CursorKey, id };
}
