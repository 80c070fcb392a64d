// The scorecard's URL state, validated: ?year=2023&county=430321&compare=3&compare=5 (or
// compare=3,5). Anything malformed is dropped, never passed to a query.
import { yearParam, type SearchParams } from '@/lib/i18n/params';

export interface ScorecardParams {
  year?: number;
  county?: string;
  compare: number[];
}

export function scorecardParams(params: SearchParams): ScorecardParams {
  const c = params.county;
  const county = typeof c === 'string' && /^\d{6}$/.test(c) ? c : undefined;
  const raw = params.compare;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(','));
  const compare = [...new Set(list.filter((v) => /^\d{1,9}$/.test(v)).map(Number).filter((n) => n > 0))].slice(0, 8);
  return { year: yearParam(params), county, compare };
}

/** The URL of a scorecard view. */
export function scorecardHref(p: { year?: number | null; county?: string | null; compare?: readonly number[] }): string {
  const s = new URLSearchParams();
  if (p.year) s.set('year', String(p.year));
  if (p.county) s.set('county', p.county);
  if (p.compare?.length) s.set('compare', p.compare.join(','));
  const q = s.toString();
  return q ? `/scorecard?${q}` : '/scorecard';
}
