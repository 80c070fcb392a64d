// Exact decimal arithmetic for the extractor, on decimal.js (the maintained library the unit
// registry uses too; 64 significant digits, half-up rounding). Numbers from the paper are never
// passed through floating point (23858万元 must be 238580000, 0.1亿 10000000).
import { Decimal, decimalString } from '../vocab/units';

/** An exact decimal value. */
export type Dec = Decimal;

export const ZERO: Dec = new Decimal(0);
const POW10 = new Map<number, Decimal>();

/** A decimal from a small integer or a decimal string the caller knows to be valid. */
export function dec(v: number | string | bigint): Dec {
  return new Decimal(typeof v === 'bigint' ? v.toString() : v);
}

/** Parses "123", "-1.50", "0.001" (no exponent, no separators); null otherwise. */
export function parseDec(s: string): Dec | null {
  return /^-?\d+(?:\.\d+)?$/.test(s) ? new Decimal(s) : null;
}

export function fromInt(n: number | bigint): Dec {
  return dec(n);
}

export function add(a: Dec, b: Dec): Dec {
  return a.plus(b);
}

export function mul(a: Dec, b: Dec): Dec {
  return a.times(b);
}

/** a × 10^k (k may be negative). */
export function shift(a: Dec, k: number): Dec {
  if (k === 0) return a;
  let p = POW10.get(k);
  if (!p) {
    p = new Decimal(`1e${k}`);
    POW10.set(k, p);
  }
  return a.times(p);
}

export function neg(a: Dec): Dec {
  return a.negated();
}

export function cmp(a: Dec, b: Dec): number {
  return a.comparedTo(b);
}

/** Whether the value is a whole number (12, not 12.5). */
export function isWhole(a: Dec): boolean {
  return a.isInteger();
}

/** Digits after the decimal point, trailing zeros not counted (12.50 → 1). */
export function decimals(a: Dec): number {
  return a.decimalPlaces();
}

/** a / b rounded half-up to `digits` decimals (for fractions such as 三分之一); null for b = 0. */
export function div(a: Dec, b: Dec, digits = 6): Dec | null {
  if (b.isZero()) return null;
  return a.dividedBy(b).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

/** The value as a plain decimal string: no exponent, no trailing zeros, no "-0". */
export function toStr(d: Dec): string {
  return decimalString(d);
}

/** A JSON value for a decimal string: a number when it round-trips exactly, else the string. */
export function toJsonNumber(value: string): number | string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  const s = String(n);
  if (s.includes('e')) return value;
  return decEquals(s, value) ? n : value;
}

/** Equality of two decimal strings by value ("12.0" equals "12"). */
export function decEquals(a: string, b: string): boolean {
  const x = parseDec(a);
  const y = parseDec(b);
  return !!x && !!y && x.equals(y);
}
