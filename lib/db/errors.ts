// Recognises "the database is down or restarting" among the errors node-postgres, the Prisma
// driver adapter and PGlite throw, so route handlers and pages can answer 503 (try again) instead
// of 500 (our bug). The shapes were taken from real outages of a private server
// (tests/integration/resilience-db-errors.test.ts keeps them honest).

// SQLSTATE classes/codes that mean "not reachable now", not "your query is wrong".
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P01|57P02|57P03|53300|53400|3D000)$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);
// Prisma engine codes: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection,
// P2024 timed out fetching a connection from the pool.
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_ADAPTER_KIND = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection terminated unexpectedly|Can't reach database server|timeout exceeded when trying to connect|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Connection refused|server closed the connection unexpectedly/i;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** True when e (or anything in its cause chain) says the database cannot be reached right now. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!isRecord(e) || depth > 5) return false;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (e.name === 'PrismaClientInitializationError') return true;
  if (e.name === 'DatabaseConfigError') return true;
  const kind = typeof e.kind === 'string' ? e.kind : undefined;
  if (kind && UNAVAILABLE_ADAPTER_KIND.has(kind)) return true;
  const original = typeof e.originalCode === 'string' ? e.originalCode : undefined;
  if (original && (UNAVAILABLE_SQLSTATE.test(original) || UNAVAILABLE_ERRNO.has(original))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const meta = isRecord(e.meta) ? e.meta : undefined;
  if (meta && isDatabaseUnavailable(meta.driverAdapterError, depth + 1)) return true;
  if (isDatabaseUnavailable(e.cause, depth + 1)) return true;
  // AggregateError (e.g. both IPv4 and IPv6 refused)
  if (Array.isArray(e.errors)) return e.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
  return false;
}
