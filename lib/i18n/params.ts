// URL parameters of the dashboard pages, validated: anything malformed is ignored (the page
// falls back to its default view) rather than reaching a query.
export type SearchParams = Record<string, string | string[] | undefined>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A year between 1949 and 2100, or undefined. */
export function yearParam(params: SearchParams, name = 'year'): number | undefined {
  const v = one(params[name]);
  if (!v || !/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1949 && n <= 2100 ? n : undefined;
}

/** A metric key (lower-case letters, digits, underscores), or undefined. */
export function metricParam(params: SearchParams, name = 'metric'): string | undefined {
  const v = one(params[name]);
  return v && /^[a-z0-9_]{1,80}$/.test(v) ? v : undefined;
}

/** A positive integer id, or undefined. */
export function idParam(value: string | string[] | undefined): number | undefined {
  const v = one(value);
  if (!v || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** A page number of a paged list (1 when absent or malformed). */
export function pageParam(params: SearchParams, name = 'page'): number {
  return idParam(params[name]) ?? 1;
}
