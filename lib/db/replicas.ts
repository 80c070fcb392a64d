// Reads from PostgreSQL streaming replicas (DATABASE_REPLICA_URLS) through Prisma's read-replicas
// extension: model reads outside a transaction go to a replica, writes and transactions to the
// primary; raw SQL reads of lib/data too (withRawReadsOnReplicas), other raw SQL to the primary. A replica lags its primary a little, so after a write the app must not read (and
// cache for everyone) what the replica still has from before it; nor may the admin who just
// approved a figure see it missing. Hence a fence: the moment a write is known (the read-model
// invalidation every write path makes, here or — by NOTIFY — in another app process), every read
// goes to the primary until each replica has replayed the primary's WAL up to that point
// (pg_last_wal_replay_lsn() ≥ pg_current_wal_lsn() taken after the write). Stronger than a
// per-session window and exact: no guess of how long replication takes.
import { readReplicas } from '@prisma/extension-read-replicas';
import type pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AppPrismaClient } from './client';

export interface ReplicaSet {
  /** Primary client with the extension: routes model reads to a replica. */
  routed: AppPrismaClient;
  /** The replicas' own pools (for the replay position) and clients. */
  pools: pg.Pool[];
  clients: AppPrismaClient[];
}

/** The primary client extended with @prisma/extension-read-replicas over the given replica clients. */
export function withReadReplicas(primary: AppPrismaClient, replicas: AppPrismaClient[]): AppPrismaClient {
  // The extended client has the same models and methods plus $primary()/$replica(); callers use the
  // base type so that the code reading data does not depend on whether replicas are configured.
  return primary.$extends(readReplicas({ replicas })) as unknown as AppPrismaClient;
}

/**
 * The routed client, whose raw reads ($queryRaw outside a transaction) go to a replica too: the
 * extension sends every raw query to the primary, since it cannot tell a read from a write. For the
 * server-only reads of lib/data (dashboards, API), which are reads by construction; writes through
 * $queryRaw (UPDATE … RETURNING) use the other clients — on a replica they would fail (read-only).
 * $executeRaw and transactions stay on the primary.
 */
export function withRawReadsOnReplicas(routed: AppPrismaClient, replicas: AppPrismaClient[]): AppPrismaClient {
  let turn = 0;
  return routed.$extends({
    query: {
      $allOperations(params) {
        const { args, model, operation, query } = params;
        // Not in the public type: set when the operation runs inside a transaction (the same test as
        // @prisma/extension-read-replicas).
        const inTransaction = (params as unknown as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction;
        const replica = replicas[turn++ % replicas.length];
        if (model || operation !== '$queryRaw' || inTransaction || !replica) return query(args);
        // A raw query's arguments: its Prisma.Sql, or (middleware form) its template's strings and values.
        if (Array.isArray(args)) {
          const [strings, ...values] = args as unknown as [readonly string[], ...unknown[]];
          return replica.$queryRaw(Prisma.sql(strings, ...values));
        }
        return replica.$queryRaw(args as unknown as Prisma.Sql);
      },
    },
  }) as unknown as AppPrismaClient;
}

export interface ReplicaFenceOptions {
  primaryPool: pg.Pool;
  replicaPools: pg.Pool[];
  /** How often to look at the replicas' replay position while fenced. Default 50 ms. */
  pollMs?: number;
  /** How often to check that every replica answers. Default 5 s. */
  healthMs?: number;
  /** One line when a replica stops or starts answering. Default: console.warn. */
  log?(line: string): void;
}

/** Decides, per read, whether the replicas may serve it (see the module comment). */
export class ReplicaFence {
  /** Bumped by each write; the fence holds while the replicas have not caught up with the latest. */
  private epoch = 0;
  private clearedEpoch = 0;
  private target: string | null = null; // LSN the replicas must reach
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private down = false;
  private readonly health: NodeJS.Timeout;

  constructor(private readonly opts: ReplicaFenceOptions) {
    // A replica that stops answering would fail every read routed to it: read from the primary
    // until it answers again (the reads routed there before this notices answer 503).
    this.health = setInterval(() => void this.checkHealth(), opts.healthMs ?? 5_000);
    this.health.unref();
  }

  /**
   * True while reads must go to the primary: a write may not yet be visible on every replica, or
   * a replica does not answer.
   */
  get active(): boolean {
    return this.down || this.clearedEpoch < this.epoch;
  }

  private async checkHealth(): Promise<void> {
    let down = false;
    await Promise.all(
      this.opts.replicaPools.map((pool) =>
        pool.query('SELECT 1').catch(() => {
          down = true;
        }),
      ),
    );
    if (this.closed || down === this.down) return;
    this.down = down;
    (this.opts.log ?? ((l: string) => console.warn(l)))(
      down ? 'read replicas: a replica does not answer; reading from the primary' : 'read replicas: every replica answers again; reading from them',
    );
  }

  /**
   * A write was committed (here or in another process): read from the primary from now on, until
   * the replicas have replayed the primary's WAL as of now. Synchronous, so no read slips through.
   */
  raise(): void {
    if (this.closed) return;
    const epoch = ++this.epoch;
    this.target = null;
    this.fetchTarget(epoch);
  }

  private fetchTarget(epoch: number): void {
    this.opts.primaryPool
      .query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      .then((r) => {
        if (epoch !== this.epoch) return; // a later write takes its own position
        this.target = r.rows[0]?.lsn ?? null;
        this.schedule(0);
      })
      .catch(() => {
        // Primary unreachable: stay fenced and try again.
        if (this.closed || epoch !== this.epoch) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.fetchTarget(epoch), this.opts.pollMs ?? 50);
        this.timer.unref();
      });
  }

  private schedule(delay: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delay);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const epoch = this.epoch;
    const target = this.target;
    if (!target || !this.active) return;
    try {
      const caughtUp = await Promise.all(
        this.opts.replicaPools.map(async (pool) => {
          const r = await pool.query<{ ok: boolean | null }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [target]);
          return r.rows[0]?.ok === true;
        }),
      );
      if (caughtUp.every(Boolean)) {
        if (epoch === this.epoch) this.clearedEpoch = epoch;
        return;
      }
    } catch {
      // A replica is unreachable: keep reading from the primary and look again.
    }
    if (epoch === this.epoch) this.schedule(this.opts.pollMs ?? 50);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.health);
  }
}
