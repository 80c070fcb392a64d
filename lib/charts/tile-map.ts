// The city map as a schematic tile map: each county/district of 湘潭市 is a tile in its rough
// geographic position (no boundaries: no maintained package ships Xiangtan's county boundaries
// under an open licence, see README), the parks the city administers itself share one tile in the
// urban core. Pure: layouts, the colour scale and its legend, unit-tested.

/** A tile in grid cells (column, row, width, height). */
export interface TileCell {
  col: number;
  row: number;
  w: number;
  h: number;
}

/** The key of the tile of the city-administered parks (市直园区). */
export const CITY_PARKS_TILE = 'city-parks';

export interface TileLayout {
  cols: number;
  rows: number;
  /** Tiles by GB/T 2260 code of the county (or CITY_PARKS_TILE). */
  cells: Record<string, TileCell>;
}

/**
 * Wide screens: 韶山市 in the north-west, 雨湖区 north of the Xiang river, the city's own parks in
 * the urban core, 岳塘区 to the east; 湘乡市 to the west and 湘潭县 across the south.
 */
export const WIDE_LAYOUT: TileLayout = {
  cols: 4,
  rows: 2,
  cells: {
    '430382': { col: 0, row: 0, w: 1, h: 1 }, // 韶山市
    '430302': { col: 1, row: 0, w: 1, h: 1 }, // 雨湖区
    [CITY_PARKS_TILE]: { col: 2, row: 0, w: 1, h: 1 },
    '430304': { col: 3, row: 0, w: 1, h: 1 }, // 岳塘区
    '430381': { col: 0, row: 1, w: 1, h: 1 }, // 湘乡市
    '430321': { col: 1, row: 1, w: 3, h: 1 }, // 湘潭县
  },
};

/** Phones: two columns, west on the left and east on the right, north to south. */
export const NARROW_LAYOUT: TileLayout = {
  cols: 2,
  rows: 3,
  cells: {
    '430382': { col: 0, row: 0, w: 1, h: 1 },
    '430302': { col: 1, row: 0, w: 1, h: 1 },
    [CITY_PARKS_TILE]: { col: 0, row: 1, w: 1, h: 1 },
    '430304': { col: 1, row: 1, w: 1, h: 1 },
    '430381': { col: 0, row: 2, w: 1, h: 1 },
    '430321': { col: 1, row: 2, w: 1, h: 1 },
  },
};

/**
 * Where a county without a place in the layout goes (a future county, another city's data):
 * appended below the grid, one per cell, so it is never dropped from the map.
 */
export function placeTiles(layout: TileLayout, keys: string[]): { cells: Map<string, TileCell>; rows: number } {
  const cells = new Map<string, TileCell>();
  let extra = 0;
  for (const key of keys) {
    const fixed = layout.cells[key];
    if (fixed) {
      cells.set(key, fixed);
      continue;
    }
    cells.set(key, { col: extra % layout.cols, row: layout.rows + Math.floor(extra / layout.cols), w: 1, h: 1 });
    extra++;
  }
  return { cells, rows: layout.rows + Math.ceil(extra / layout.cols) };
}

/** Sequential blues (ColorBrewer "Blues", 5 classes), light to dark. */
export const SCALE_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** Text on each class: dark on the light ones, white on the dark ones (WCAG AA contrast). */
export const SCALE_TEXT = ['#0f172a', '#0f172a', '#0f172a', '#ffffff', '#ffffff'] as const;
export const NO_DATA_FILL = '#f1f5f9';
export const NO_DATA_TEXT = '#334155';

export interface ColourClass {
  /** Inclusive lower and upper bound of the class. */
  from: number;
  to: number;
  fill: string;
  text: string;
}

/**
 * Equal-interval classes over the values shown (at most 5; one class when all values are equal;
 * none without values). Lower-better metrics keep light = low: the legend says which way is good.
 */
export function colourClasses(values: number[]): ColourClass[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) return [{ from: min, to: max, fill: SCALE_COLOURS[2], text: SCALE_TEXT[2] }];
  const n = Math.min(SCALE_COLOURS.length, new Set(finite).size);
  const step = (max - min) / n;
  // Spread the n classes over the whole palette so two classes are never neighbours in colour.
  const pick = (i: number) => (n === 1 ? 2 : Math.round((i * (SCALE_COLOURS.length - 1)) / (n - 1)));
  return Array.from({ length: n }, (_, i) => ({
    from: min + step * i,
    to: i === n - 1 ? max : min + step * (i + 1),
    fill: SCALE_COLOURS[pick(i)] ?? SCALE_COLOURS[0],
    text: SCALE_TEXT[pick(i)] ?? SCALE_TEXT[0],
  }));
}

/** The class of a value (null: no value, drawn as 无数据, never as the lowest class). */
export function classOf(classes: ColourClass[], value: number | null): ColourClass | null {
  if (value === null || !Number.isFinite(value) || classes.length === 0) return null;
  for (const c of classes) if (value <= c.to) return c;
  return classes[classes.length - 1] ?? null;
}

/** Cuts a label to `max` columns (CJK characters count two), the ellipsis included. */
export function fitLabel(label: string, max: number): string {
  const width = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1);
  const chars = [...label];
  if (chars.reduce((n, ch) => n + width(ch), 0) <= max) return label;
  let used = 1; // the ellipsis
  let out = '';
  for (const ch of chars) {
    if (used + width(ch) > max) break;
    used += width(ch);
    out += ch;
  }
  // Latin text is cut between words when a space is near.
  const space = out.lastIndexOf(' ');
  if (space > out.length / 2 && /[A-Za-z]$/.test(out)) out = out.slice(0, space);
  return `${out.trimEnd()}…`;
}
