import { route } from '@/lib/api/route';
import { getHomeSummary } from '@/lib/data/summary';

export const dynamic = 'force-dynamic';

/** Counts of issues, articles and figures by review state (signed-in users). */
export const GET = route({ role: 'viewer' }, () => getHomeSummary());
