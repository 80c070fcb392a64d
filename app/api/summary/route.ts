import { getHomeSummary } from '@/lib/data/summary';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  return Response.json(await getHomeSummary());
}
