// zod schemas of the explorer's own API (filter options, place figures for the pivot and the
// comparison, and the pivot/compare export). Filters are the fact API's; layout parameters are
// checked as tightly.
import { z } from 'zod';
import { EXPORT_FORMATS, factFiltersQuery } from './api';

const placeKey = /^(p:[1-9]\d{0,8}|r:\d{6})$/;
const metricKey = /^[a-z][a-z0-9_]{0,63}$/;

export const placeList = z
  .string()
  .max(200)
  .transform((s) => [...new Set(s.split(',').filter(Boolean))])
  .pipe(
    z
      .array(z.string().regex(placeKey, 'must be p:<park id> or r:<region code>'))
      .max(6, 'at most 6 places'),
  )
  .meta({ description: 'Places, comma-separated: p:<park id> or r:<region code>' });

export const metricList = z
  .string()
  .max(600)
  .transform((s) => [...new Set(s.split(',').filter(Boolean))])
  .pipe(z.array(z.string().regex(metricKey, 'must be metric keys')).max(12, 'at most 12 metrics'))
  .meta({ description: 'Metric keys, comma-separated' });

export const PIVOT_COLS = ['year', 'period'] as const;
export const EXPLORER_VIEWS = ['table', 'pivot', 'compare'] as const;
export type ExplorerView = (typeof EXPLORER_VIEWS)[number];

const pivotSort = z
  .string()
  .regex(
    /^(place|county|total|\d{4}(?:\.[A-Za-z0-9-]{1,12})?):(asc|desc)$/,
    'must be <column>:asc or <column>:desc',
  );

const filterShape = factFiltersQuery.shape;

export const placeFiguresQuery = z.strictObject({
  ...filterShape,
  places: placeList.optional(),
  metrics: metricList.optional(),
  cols: z
    .enum(PIVOT_COLS)
    .optional()
    .meta({ description: 'year: whole-year figures; period: every period' }),
});

export const layoutExportQuery = z.strictObject({
  ...filterShape,
  view: z.enum(['pivot', 'compare']),
  places: placeList.optional(),
  metrics: metricList.optional(),
  cols: z.enum(PIVOT_COLS).optional(),
  psort: pivotSort.optional(),
  format: z.enum(EXPORT_FORMATS),
});
