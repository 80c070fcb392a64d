// The one wrapper for route handlers (after dub's withWorkspace): role check, zod parsing of
// query / path params / JSON body, and error mapping — 400 with the reason for bad input,
// 401/403 for auth, 503 when the database is unreachable, 500 without stack or secrets otherwise.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { authorize, type Role, type SessionUser } from '@/lib/auth';
import { withVerifiedUser } from '@/lib/auth/dal';
import { isDatabaseUnavailable } from '@/lib/db/errors';

/** Database down (lib/db/errors) or the embedded PGlite already closed (shutdown in progress). */
export function databaseUnavailable(e: unknown): boolean {
  return isDatabaseUnavailable(e) || (e instanceof Error && /PGlite is closed/i.test(e.message));
}

/** Throw from a handler to answer with this status and message. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<Q extends Schema | undefined, P extends Schema | undefined, B extends Schema | undefined> {
  /** Minimum role; 'public' skips the session check. Default 'viewer'. */
  role?: Role | 'public';
  query?: Q;
  params?: P;
  body?: B;
  /** Largest accepted JSON body in bytes (default 1 MB). */
  maxBodyBytes?: number;
}

export interface RouteContext<Q, P, B> {
  request: Request;
  query: Q;
  params: P;
  body: B;
  /** null only on public routes without a signed-in user. */
  user: SessionUser | null;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function jsonError(status: number, error: string, details?: unknown): Response {
  return Response.json(details === undefined ? { error } : { error, details }, {
    status,
    headers: { 'Cache-Control': 'no-store' },
  });
}

function badRequest(where: string, error: z.ZodError): Response {
  const issue = error.issues[0];
  const field = issue?.path.length ? `${where}.${issue.path.join('.')}` : where;
  return jsonError(400, `Invalid ${field}: ${issue?.message ?? 'invalid value'}`, {
    issues: error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })),
  });
}

/** Query string → object; repeated keys become arrays. */
export function searchParamsToObject(sp: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

export function route<
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(
  options: RouteOptions<Q, P, B>,
  handler: (ctx: RouteContext<Out<Q>, Out<P>, Out<B>>) => Promise<Response | unknown> | Response | unknown,
): (request: Request, context: NextRouteContext) => Promise<Response> {
  const role = options.role ?? 'viewer';
  return async (request, context) => {
    try {
      let user: SessionUser | null = null;
      if (role !== 'public') {
        const auth = await authorize(role);
        if (!auth.ok) return jsonError(auth.status, auth.message);
        user = auth.user;
      }
      let query: unknown = undefined;
      if (options.query) {
        const r = options.query.safeParse(searchParamsToObject(new URL(request.url).searchParams));
        if (!r.success) return badRequest('query', r.error);
        query = r.data;
      }
      let params: unknown = undefined;
      if (options.params) {
        const r = options.params.safeParse((await context?.params) ?? {});
        if (!r.success) return badRequest('params', r.error);
        params = r.data;
      }
      let body: unknown = undefined;
      if (options.body) {
        const text = await request.text();
        if (Buffer.byteLength(text) > (options.maxBodyBytes ?? 1_000_000)) return jsonError(413, 'Request body too large');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          return jsonError(400, 'Invalid body: not valid JSON');
        }
        const r = options.body.safeParse(json);
        if (!r.success) return badRequest('body', r.error);
        body = r.data;
      }
      const ctx = { request, query, params, body, user } as RouteContext<Out<Q>, Out<P>, Out<B>>;
      // lib/data checks the caller again; the user verified above is handed down so it need not
      // look the session up once per read. Public routes pass no one: their reads must be public.
      const out = await (user ? withVerifiedUser(user, () => handler(ctx)) : handler(ctx));
      return out instanceof Response ? out : Response.json(out ?? null);
    } catch (e) {
      unstable_rethrow(e); // notFound()/redirect() from handlers keep their meaning
      if (e instanceof HttpError) return jsonError(e.status, e.message);
      if (e instanceof z.ZodError) return badRequest('input', e);
      if (databaseUnavailable(e)) return jsonError(503, 'Database unavailable');
      // Logged for the operator; the client gets no stack, SQL or connection string.
      console.error('route handler error:', e instanceof Error ? `${e.name}: ${e.message}` : e);
      return jsonError(500, 'Internal server error');
    }
  };
}
