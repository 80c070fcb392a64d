// Cross-process cache invalidation over LISTEN/NOTIFY (lib/db/cache-sync.ts), against a private
// PostgreSQL server the test can stop and start: notifications reach the other listeners (not the
// sender), and a listener that lost its connection reconnects with backoff and drops its cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheSync } from '@/lib/db/cache-sync';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from '../e2e/support/private-postgres';

const skipReason = privatePostgresSkipReason();
if (skipReason) console.warn(`[cache-sync] skipped: ${skipReason}`);

type Event = [prefix: string | undefined, reason: 'notification' | 'connected'];

function listener(url: string): { sync: CacheSync; events: Event[]; logs: string[] } {
  const events: Event[] = [];
  const logs: string[] = [];
  const sync = new CacheSync({
    url,
    onInvalidate: (prefix, reason) => events.push([prefix, reason]),
    log: (l) => logs.push(l),
    minBackoffMs: 50,
    maxBackoffMs: 500,
    heartbeatMs: 500,
  });
  return { sync, events, logs };
}

async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(skipReason !== null)('read-model cache sync (LISTEN/NOTIFY, private PostgreSQL)', () => {
  let server: PrivatePostgres;
  beforeAll(async () => {
    server = await startPrivatePostgres({ port: 56432 });
  });
  afterAll(() => server?.destroy());

  it('an invalidation published by one process reaches the others, not itself', async () => {
    const a = listener(server.url());
    const b = listener(server.url());
    const c = listener(server.url());
    try {
      await Promise.all([a.sync.start(), b.sync.start(), c.sync.start()]);
      // Each starts by dropping its cache: it cannot know what it missed before it listened.
      for (const l of [a, b, c]) expect(l.events).toEqual([[undefined, 'connected']]);

      await a.sync.publish('overview:');
      await until('b and c receive the prefix', () => b.events.length === 2 && c.events.length === 2);
      await b.sync.publish();
      await until('a and c receive "everything"', () => a.events.length === 2 && c.events.length === 3);

      expect(a.events).toEqual([[undefined, 'connected'], [undefined, 'notification']]);
      expect(b.events).toEqual([[undefined, 'connected'], ['overview:', 'notification']]);
      expect(c.events).toEqual([[undefined, 'connected'], ['overview:', 'notification'], [undefined, 'notification']]);
    } finally {
      await Promise.all([a.sync.close(), b.sync.close(), c.sync.close()]);
    }
  });

  it('after the database restarts, listeners reconnect, drop their cache and receive again', async () => {
    const a = listener(server.url());
    const b = listener(server.url());
    try {
      await Promise.all([a.sync.start(), b.sync.start()]);
      server.stop('immediate');
      await until('both notice the lost connection', () => !a.sync.isListening && !b.sync.isListening);
      // While nobody listens, a publish fails loudly (the caller logs it) instead of pretending.
      await expect(a.sync.publish('overview:')).rejects.toThrow(/not connected/);
      // Retries with backoff while the server is down (several attempts, one log line).
      await new Promise((r) => setTimeout(r, 1500));
      expect(b.sync.connections).toBe(1);
      expect(b.logs.filter((l) => /connection lost/.test(l))).toHaveLength(1);

      server.start();
      await until('both listen again', () => a.sync.isListening && b.sync.isListening);
      expect(b.sync.connections).toBe(2);
      expect(b.events).toEqual([[undefined, 'connected'], [undefined, 'connected']]);
      expect(b.logs.at(-1)).toMatch(/listening again after \d+ attempt\(s\); dropped the read-model cache/);

      await a.sync.publish('overview:facts');
      await until('b receives after the reconnection', () => b.events.length === 3);
      expect(b.events.at(-1)).toEqual(['overview:facts', 'notification']);
    } finally {
      await Promise.all([a.sync.close(), b.sync.close()]);
    }
  });

  it('publishes through the fallback while its own connection is down', async () => {
    const sent: string[] = [];
    const sync = new CacheSync({
      url: 'postgresql://postgres@127.0.0.1:1/none', // never connects
      onInvalidate: () => undefined,
      log: () => undefined,
      minBackoffMs: 1_000,
      fallbackNotify: async (channel, payload) => {
        sent.push(`${channel} ${payload}`);
      },
    });
    try {
      void sync.start();
      await sync.publish('overview:');
      expect(sent).toEqual([`xt_read_model {"o":"${sync.origin}","p":"overview:"}`]);
    } finally {
      await sync.close();
    }
  });
});
