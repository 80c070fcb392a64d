// Keeps the read-model caches of several app processes on one PostgreSQL database in step, with
// PostgreSQL's own LISTEN/NOTIFY (no broker of our own): a process that invalidates after a write
// sends NOTIFY on CHANNEL, every process LISTENs on one dedicated connection and drops the same
// entries. Notifications sent while a listener is disconnected are lost, so after every
// (re)connection the listener drops its whole cache; it reconnects with exponential backoff.
// The embedded PGlite database has one process by construction and needs none of this.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CACHE_CHANNEL = 'xt_read_model';

export interface CacheSyncOptions {
  url: string;
  /**
   * Drops cached entries (prefix undefined = all): for another process's invalidation, and after
   * each (re)connection, when notifications may have been missed.
   */
  onInvalidate(prefix: string | undefined, reason: 'notification' | 'connected'): void;
  /** One line per connection event (lost, reconnected). Default: console.warn. */
  log?(line: string): void;
  /** First retry delay; doubles up to maxBackoffMs. Defaults 250 ms and 10 s. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A query on the listening connection this often detects a silently dead connection. Default 15 s. */
  heartbeatMs?: number;
  /** Used to send when the listening connection is down (e.g. the app's pool). */
  fallbackNotify?(channel: string, payload: string): Promise<void>;
}

interface Payload {
  o: string; // origin: the sending process's id
  p: string | null; // prefix, null = everything
}

export class CacheSync {
  /** This process's id in notifications: its own come back to it and are skipped. */
  readonly origin = randomUUID();
  private client: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private firstConnect: Promise<void>;
  private resolveFirst!: () => void;
  /** Number of successful LISTENs (1 after the first connection), for diagnostics and tests. */
  connections = 0;

  constructor(private readonly opts: CacheSyncOptions) {
    this.firstConnect = new Promise((r) => (this.resolveFirst = r));
  }

  /** Starts listening; resolves once the first LISTEN succeeded (it keeps retrying until then). */
  start(): Promise<void> {
    void this.connect();
    return this.firstConnect;
  }

  /** Whether the listening connection is up (notifications are being received). */
  get isListening(): boolean {
    return this.listening;
  }

  /**
   * Tells the other processes to drop entries (prefix undefined = all). On the listening connection
   * when it is up: an idle pg client writes the NOTIFY to the socket before this returns, so it
   * leaves before the answer to the write that caused it.
   */
  publish(prefix?: string): Promise<void> {
    const payload = JSON.stringify({ o: this.origin, p: prefix ?? null } satisfies Payload);
    if (this.listening && this.client) {
      return this.client.query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, payload]).then(() => undefined);
    }
    if (this.opts.fallbackNotify) return this.opts.fallbackNotify(CACHE_CHANNEL, payload);
    return Promise.reject(new Error('cache sync: not connected'));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.listening = false;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private log(line: string): void {
    (this.opts.log ?? ((l: string) => console.warn(l)))(line);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.opts.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
      application_name: 'xt-cache-sync',
    });
    this.client = client;
    let failed = false;
    const lost = (why: string) => {
      if (failed) return;
      failed = true;
      this.listening = false;
      clearInterval(this.heartbeat);
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.closed) this.scheduleRetry(why);
    };
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('connection closed'));
    client.on('notification', (n) => {
      if (n.channel !== CACHE_CHANNEL || !n.payload) return;
      let msg: Payload;
      try {
        msg = JSON.parse(n.payload) as Payload;
      } catch {
        return; // not ours
      }
      if (msg.o === this.origin) return;
      this.opts.onInvalidate(typeof msg.p === 'string' ? msg.p : undefined, 'notification');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (e) {
      lost((e as Error).message);
      return;
    }
    if (failed || this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listening = true;
    this.connections++;
    if (this.attempt > 0) this.log(`cache sync: listening again after ${this.attempt} attempt(s); dropped the read-model cache`);
    this.attempt = 0;
    // Whatever was cached may have missed notifications while no one listened.
    this.opts.onInvalidate(undefined, 'connected');
    const every = this.opts.heartbeatMs ?? 15_000;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((e: unknown) => lost(`heartbeat failed: ${(e as Error).message}`));
    }, every);
    this.heartbeat.unref();
    this.resolveFirst();
  }

  private scheduleRetry(why: string): void {
    const min = this.opts.minBackoffMs ?? 250;
    const max = this.opts.maxBackoffMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    if (this.attempt === 0) this.log(`cache sync: connection lost (${why}); reconnecting`);
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
