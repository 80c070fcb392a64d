import { describe, expect, it, vi } from 'vitest';
import { PageCache, type CachedResponse } from '@/lib/page-cache/store';

function entry(body: string, version = 1, storedAt = 0): CachedResponse {
  return { status: 200, headers: [['content-type', 'text/html']], body: Buffer.from(body), version, storedAt };
}

describe('PageCache', () => {
  it('serves an entry only for the data version it was rendered from', () => {
    const cache = new PageCache({ maxBytes: 1e6, maxAgeMs: 60_000, now: () => 0 });
    cache.set('a', entry('old', 1));
    expect(cache.get('a', 1)?.body.toString()).toBe('old');
    expect(cache.get('a', 2)).toBeUndefined();
    // A stale entry is dropped, not kept for a later version change back.
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('renders again after maxAgeMs whatever the version', () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 1e6, maxAgeMs: 60_000, now: () => now });
    cache.set('a', entry('x', 1, now));
    now += 60_000;
    expect(cache.get('a', 1)).toBeDefined();
    now += 1;
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('drops the least recently used entries beyond maxBytes and keeps its byte count right', () => {
    const cache = new PageCache({ maxBytes: 1_000, maxAgeMs: 60_000, maxEntryBytes: 1_000, now: () => 0 });
    cache.set('a', entry('a'.repeat(300)));
    cache.set('b', entry('b'.repeat(300)));
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recently used
    cache.set('c', entry('c'.repeat(300)));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    // Replacing an entry does not count it twice.
    const before = cache.stats().bytes;
    cache.set('c', entry('c'.repeat(300)));
    expect(cache.stats().bytes).toBe(before);
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('does not keep a response larger than maxEntryBytes', () => {
    const cache = new PageCache({ maxBytes: 10_000, maxAgeMs: 60_000, maxEntryBytes: 500, now: () => 0 });
    expect(cache.set('big', entry('x'.repeat(600)))).toBe(false);
    expect(cache.get('big', 1)).toBeUndefined();
    expect(cache.set('small', entry('x'.repeat(100)))).toBe(true);
  });

  it('lets one request render a page while the others wait for its answer', async () => {
    const cache = new PageCache({ maxBytes: 1e6, maxAgeMs: 60_000, now: () => 0 });
    const end = cache.begin('p');
    expect(end).toBeTypeOf('function');
    expect(cache.begin('p')).toBeUndefined();
    const waiting = [cache.waitFor('p')!, cache.waitFor('p')!];
    end!(entry('rendered'));
    const got = await Promise.all(waiting);
    expect(got.map((e) => e?.body.toString())).toEqual(['rendered', 'rendered']);
    // Over: the next miss renders again.
    expect(cache.waitFor('p')).toBeUndefined();
    const again = cache.begin('p');
    expect(again).toBeTypeOf('function');
    again!(null);
    expect(cache.stats()).toMatchObject({ misses: 2, shared: 2 });
  });

  it('releases the waiters of a render that never reports back, and a late report does not end the next render', async () => {
    vi.useFakeTimers();
    try {
      const cache = new PageCache({ maxBytes: 1e6, maxAgeMs: 60_000, maxRenderMs: 5_000, now: () => 0 });
      const lost = cache.begin('p');
      const waiting = cache.waitFor('p')!;
      vi.advanceTimersByTime(4_999);
      expect(cache.begin('p')).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(await waiting).toBeNull();
      const next = cache.begin('p');
      expect(next).toBeTypeOf('function');
      // The lost render ends at last: the render now in progress still holds the page.
      lost!(entry('late'));
      expect(cache.begin('p')).toBeUndefined();
      next!(null);
      expect(cache.waitFor('p')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
