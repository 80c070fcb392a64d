import { route } from '@/lib/api/route';
import { openApiDocument } from '@/lib/openapi';

export const dynamic = 'force-static';

/** The API's description (OpenAPI 3.1), generated from the same zod schemas the handlers use. */
export const GET = route({ role: 'public' }, () => openApiDocument());
