import { route } from '@/lib/api/route';
import { listRegions } from '@/lib/data/reference-lists';
import { noQuery } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer', query: noQuery }, async () => ({ items: await listRegions() }));
