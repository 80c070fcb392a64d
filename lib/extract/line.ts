// Quantities of one raw line (the `numbers` CLI): the line is normalised first, so numerals
// broken by stray spaces (7 万5 千4 百, 150 余名) are read whole, and offsets are mapped back
// to the line as given.
import { normalizeWithMap } from './normalize';
import { findQuantities, type FindOptions } from './quantities';
import type { Quantity } from './types';

export function findQuantitiesInLine(line: string, opts: FindOptions = { all: true }): Quantity[] {
  const norm = normalizeWithMap(line);
  return findQuantities(norm.text, opts).map((q) => {
    const start = norm.map[q.start] ?? q.start;
    const end = (norm.map[q.end - 1] ?? q.end - 1) + 1;
    return { ...q, start, end, text: line.slice(start, end) };
  });
}
