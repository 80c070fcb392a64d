import { route } from '@/lib/api/route';
import { getPlaceFigures } from '@/lib/data/explorer';
import { filtersOf } from '@/lib/validations/api';
import { placeFiguresQuery } from '@/lib/validations/explorer';

export const dynamic = 'force-dynamic';

/** Approved figures of parks and regions (one per figure, reports merged) for the pivot and the comparison (analysts). */
export const GET = route({ role: 'analyst', query: placeFiguresQuery }, ({ query }) =>
  getPlaceFigures(
    { ...filtersOf(query), places: query.places, metrics: query.metrics },
    { periods: query.cols === 'period' },
  ),
);
