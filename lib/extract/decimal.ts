// Exact decimal arithmetic on BigInt: a value is digits × 10^-scale. Numbers from the paper
// are never passed through floating point (23858万元 must be 238580000, 0.1亿 10000000).

export interface Dec {
  /** Signed integer digits. */
  int: bigint;
  /** Number of digits after the decimal point (≥ 0). */
  scale: number;
}

export const ZERO: Dec = { int: 0n, scale: 0 };

/** Parses "123", "-1.50", "0.001" (no exponent, no separators). */
export function parseDec(s: string): Dec | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  const int = BigInt((m[2] ?? '0') + frac);
  return normalise({ int: m[1] ? -int : int, scale: frac.length });
}

export function fromInt(n: number | bigint): Dec {
  return { int: BigInt(n), scale: 0 };
}

/** Removes trailing zeros of the fraction. */
export function normalise(d: Dec): Dec {
  let { int, scale } = d;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return { int, scale };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * 10n ** BigInt(scale - a.scale), b.int * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return normalise({ int: x + y, scale });
}

export function mul(a: Dec, b: Dec): Dec {
  return normalise({ int: a.int * b.int, scale: a.scale + b.scale });
}

/** a × 10^k (k may be negative). */
export function shift(a: Dec, k: number): Dec {
  if (k >= 0) {
    const drop = Math.min(k, a.scale);
    return normalise({ int: a.int * 10n ** BigInt(k - drop), scale: a.scale - drop });
  }
  return normalise({ int: a.int, scale: a.scale - k });
}

export function neg(a: Dec): Dec {
  return { int: -a.int, scale: a.scale };
}

export function cmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a / b rounded half-up to `digits` decimals (for fractions such as 三分之一). */
export function div(a: Dec, b: Dec, digits = 6): Dec | null {
  if (b.int === 0n) return null;
  const [x, y] = align(a, b);
  const scaled = x * 10n ** BigInt(digits + 1);
  let q = scaled / y;
  const negative = q < 0n;
  if (negative) q = -q;
  q = (q + 5n) / 10n;
  return normalise({ int: negative ? -q : q, scale: digits });
}

export function toStr(d: Dec): string {
  const n = normalise(d);
  const negative = n.int < 0n;
  let digits = (negative ? -n.int : n.int).toString();
  if (n.scale > 0) {
    digits = digits.padStart(n.scale + 1, '0');
    digits = `${digits.slice(0, -n.scale)}.${digits.slice(-n.scale)}`;
  }
  return negative ? `-${digits}` : digits;
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
  return !!x && !!y && cmp(x, y) === 0;
}
