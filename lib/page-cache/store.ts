// The page cache's memory: whole HTTP responses (status, headers, body as sent, compressed when
// the client asked for it) by key, each stamped with the data version it was rendered from.
// An entry is served only while the version is current (every write path bumps it: lib/data/
// read-cache.ts invalidateCache, in every app process by LISTEN/NOTIFY) and for at most maxAgeMs
// (what a write outside the app, e.g. SQL by hand, may take to show). Least recently used entries
// go first once maxBytes is reached. Concurrent misses of one key share one render (single
// flight): the first request renders, the others wait for its response. Framework-free.

export interface CachedResponse {
  status: number;
  /** Response headers as sent, minus per-request ones (set-cookie, date, length, connection). */
  headers: [name: string, value: string | string[]][];
  body: Buffer;
  /** The data version the page was rendered from. */
  version: number;
  storedAt: number;
}

export interface PageCacheOptions {
  maxBytes: number;
  /** Longest a page is served without rendering it again, whatever the data version. */
  maxAgeMs: number;
  /** Larger responses are not kept. */
  maxEntryBytes?: number;
  /**
   * Longest a render may hold its page's single flight (default 30 s): after that its waiters
   * stop waiting and render themselves, so a render that never reports back cannot hold them.
   */
  maxRenderMs?: number;
  now?: () => number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Requests that waited for another request's render of the same page. */
  shared: number;
  /** Renders in progress (pages whose single flight is held). */
  rendering: number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly pending = new Map<string, Promise<CachedResponse | null>>();
  private bytes = 0;
  private readonly counters = { hits: 0, misses: 0, shared: 0 };
  private readonly now: () => number;

  constructor(private readonly opts: PageCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The entry for key if it was rendered from `version` and is not too old. */
  get(key: string, version: number): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || this.now() - entry.storedAt > this.opts.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Least recently used order: a Map iterates in insertion order, so re-insert on use.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps a response; false when it is too large to keep. */
  set(key: string, entry: CachedResponse): boolean {
    const size = entrySize(key, entry);
    if (size > (this.opts.maxEntryBytes ?? this.opts.maxBytes / 4)) return false;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.delete(oldKey);
    }
    return true;
  }

  /**
   * Starts the one render of key: returns the function that ends it (with the response to share,
   * or null when it cannot be shared), or undefined when another request is rendering key already
   * (then wait for `waitFor(key)`).
   */
  begin(key: string): ((entry: CachedResponse | null) => void) | undefined {
    if (this.pending.has(key)) return undefined;
    let resolve!: (entry: CachedResponse | null) => void;
    const flight = new Promise<CachedResponse | null>((r) => (resolve = r));
    this.pending.set(key, flight);
    this.counters.misses++;
    const end = (entry: CachedResponse | null) => {
      clearTimeout(timer);
      if (this.pending.get(key) === flight) this.pending.delete(key);
      resolve(entry);
    };
    const timer = setTimeout(() => end(null), this.opts.maxRenderMs ?? 30_000);
    timer.unref?.();
    return end;
  }

  /** The render in progress for key (undefined when none). */
  waitFor(key: string): Promise<CachedResponse | null> | undefined {
    const p = this.pending.get(key);
    if (p) this.counters.shared++;
    return p;
  }

  countHit(): void {
    this.counters.hits++;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.counters, rendering: this.pending.size };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entrySize(key, entry);
  }
}

function entrySize(key: string, entry: CachedResponse): number {
  let size = entry.body.length + key.length * 2 + 64;
  for (const [name, value] of entry.headers) size += name.length + String(value).length;
  return size;
}
