import { route } from '@/lib/api/route';
import { listRecognitions } from '@/lib/data/reference-lists';
import { recognitionsQuery } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer', query: recognitionsQuery }, async ({ query }) => ({ items: await listRecognitions(query) }));
