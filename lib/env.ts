// Reads and validates the environment once. Nothing else in the app reads process.env.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string. Unset: the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL must start with postgres:// or postgresql://',
    }),
  /**
   * PostgreSQL streaming replicas for reads, comma-separated connection strings (needs DATABASE_URL,
   * the primary). Unset: every query goes to DATABASE_URL.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.split(',').map((u) => u.trim()).filter(Boolean) : []))
    .refine((list) => list.every((u) => /^postgres(ql)?:\/\//.test(u)), {
      message: 'each DATABASE_REPLICA_URLS entry must start with postgres:// or postgresql://',
    }),
  /** Folder of the embedded database (created if missing). */
  DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** Pool size per app process for PostgreSQL. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Passwords of the demo accounts created on first run (random when unset). */
  DEMO_ADMIN_PASSWORD: z.string().min(8).optional(),
  DEMO_ANALYST_PASSWORD: z.string().min(8).optional(),
  DEMO_VIEWER_PASSWORD: z.string().min(8).optional(),
  /** Set when the app is served over HTTPS (marks session cookies Secure). */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the app is
   * reached directly; then the header is ignored and the socket's address is the client's).
   */
  TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'must be a whole number of proxies (0 when the app is reached directly)')
    .optional()
    .transform((v) => (v ? Number(v) : 0)),
  /** Chromium for server-side PDF export (default /usr/bin/chromium when present; without one the 导出 PDF button prints in the browser). */
  CHROMIUM_PATH: z.string().trim().min(1).optional(),
  /**
   * Where the app reaches itself to render a page as PDF (the caller's session cookie is sent
   * there); default http://127.0.0.1:$PORT. Never taken from the request's Host header.
   */
  PDF_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/]+$/.test(v), { message: 'PDF_BASE_URL must be an origin like http://127.0.0.1:3000' }),
  /**
   * The page cache (lib/page-cache): dashboard pages rendered once per data version and served to
   * every signed-in user of the same role and language. `off` renders every request. Only in the
   * production server (`next start`).
   */
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Memory the page cache may use per app process, in MB (least recently used pages go first). */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(128),
  /** The port `next start` listens on (set by `next start -p` and npm start). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: Env | undefined;

/** The validated environment; throws ConfigError with one readable line when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(
      `Invalid configuration: ${first?.path.join('.') ?? 'environment'}: ${first?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.DATABASE_REPLICA_URLS.length > 0 && !parsed.data.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: DATABASE_REPLICA_URLS needs DATABASE_URL (the primary the replicas follow)');
  }
  cached = parsed.data;
  return cached;
}

/** Forget the cached environment (tests change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}
