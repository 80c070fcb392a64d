// The read-model cache: TTL, single flight for concurrent misses, errors not cached,
// invalidation also discards a query that was running when a write happened.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cached, cacheSize, invalidateCache } from '@/lib/data/read-cache';

afterEach(() => {
  invalidateCache();
  vi.useRealTimers();
});

describe('cached', () => {
  it('serves within the TTL and reloads after it', async () => {
    vi.useFakeTimers();
    let n = 0;
    const load = async () => ++n;
    expect(await cached('k', load, { ttlMs: 1000, staleMs: 0 })).toBe(1);
    expect(await cached('k', load, { ttlMs: 1000, staleMs: 0 })).toBe(1);
    vi.advanceTimersByTime(1001);
    expect(await cached('k', load, { ttlMs: 1000, staleMs: 0 })).toBe(2);
  });

  it('serves a stale value while one background query refreshes it', async () => {
    vi.useFakeTimers();
    let n = 0;
    let release: (v: number) => void = () => undefined;
    const slow = () => {
      n++;
      return new Promise<number>((r) => (release = r));
    };
    const first = cached('sw', slow, { ttlMs: 1000, staleMs: 5000 });
    release(1);
    expect(await first).toBe(1);
    vi.advanceTimersByTime(1500); // past the TTL, inside the stale window
    expect(await cached('sw', slow, { ttlMs: 1000, staleMs: 5000 })).toBe(1); // no waiting
    expect(await cached('sw', slow, { ttlMs: 1000, staleMs: 5000 })).toBe(1);
    expect(n).toBe(2); // one refresh for both
    release(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(await cached('sw', slow, { ttlMs: 1000, staleMs: 5000 })).toBe(2);
    vi.advanceTimersByTime(10_000); // beyond the stale window: wait for fresh data
    const fresh = cached('sw', slow, { ttlMs: 1000, staleMs: 5000 });
    release(3);
    expect(await fresh).toBe(3);
  });

  it('runs one query for concurrent misses', async () => {
    let calls = 0;
    let release: (v: number) => void = () => undefined;
    const load = () => {
      calls++;
      return new Promise<number>((r) => (release = r));
    };
    const all = Promise.all([cached('s', load), cached('s', load), cached('s', load)]);
    release(7);
    expect(await all).toEqual([7, 7, 7]);
    expect(calls).toBe(1);
  });

  it('does not cache errors', async () => {
    await expect(cached('e', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cached('e', async () => 'up')).toBe('up');
  });

  it('invalidates by prefix, and drops a result computed across an invalidation', async () => {
    await cached('overview:a', async () => 1);
    await cached('other:b', async () => 1);
    invalidateCache('overview:');
    expect(cacheSize()).toBe(1);
    let release: (v: number) => void = () => undefined;
    const slow = cached('overview:c', () => new Promise<number>((r) => (release = r)));
    invalidateCache('overview:'); // a write committed while the read ran
    release(1);
    expect(await slow).toBe(1);
    expect(await cached('overview:c', async () => 2)).toBe(2);
  });
});
