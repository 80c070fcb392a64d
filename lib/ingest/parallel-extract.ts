// Extracts a big issue on several threads: the articles are segmented here, cut into runs of
// consecutive articles, and the runs are extracted by this thread and by worker threads, whichever
// is free. An article's facts depend only on the article and the issue (lib/extract extractArticles),
// so the facts, put back in run order, are exactly extractIssue's. Used by the ingest CLI on
// machines with more than two cores (see defaultWorkerCount), under tsx (the workers load the
// TypeScript sources through tsx's require hook); the app's import page extracts on its own thread.
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXTRACTOR_VERSION, extractArticles, issueArticles, issueContext } from '@/lib/extract';
import type { Article, ExtractOptions, IssueExtraction } from '@/lib/extract/types';
import type { ToWorker, FromWorker } from './extract-worker';

/** Runs of about this many characters (a 10 MB issue: ~37 runs of well under 0.1 s each when idle). */
const RUN_CHARS = 100_000;
/** Below this an issue is extracted on this thread alone: a worker would only cost its start-up. */
export const PARALLEL_MIN_CHARS = 2 * RUN_CHARS;

/** Whether an issue of this many characters (or fewer: bytes are an over-estimate) is extracted on workers here. */
export function extractInParallel(chars: number): boolean {
  return chars >= PARALLEL_MIN_CHARS && defaultWorkerCount() > 0;
}

export type Extract = (text: string, opts: ExtractOptions) => Promise<IssueExtraction>;

export interface ExtractPool {
  extract: Extract;
  /** Resolves once every worker has started or failed (the pool works before that too). */
  ready(): Promise<void>;
  /** Runs extracted so far by this thread and by the workers. */
  readonly runs: { thread: number; workers: number };
  /** Stops the workers (the process cannot exit while they run). */
  close(): Promise<void>;
}

/** Consecutive runs of articles of about `chars` characters each. */
export function articleRuns(articles: Article[], chars: number): Article[][] {
  const runs: Article[][] = [];
  let run: Article[] = [];
  let size = 0;
  for (const a of articles) {
    run.push(a);
    size += a.body.length;
    if (size >= chars) {
      runs.push(run);
      run = [];
      size = 0;
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Workers worth starting on this machine: one per core beyond two, at most `max`; none on two
 * cores. V8's own background threads (concurrent garbage collection, optimising compilation) already
 * keep a second core about half busy during a big extraction: measured on 2 cores, a worker added
 * ~1.5 s of CPU to the 10 MB issue's ~4.5 s (its own cold JIT and heap) and saved no time.
 */
export function defaultWorkerCount(max = 3): number {
  return Math.max(0, Math.min(max, os.availableParallelism() - 2));
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Runs sent and not answered yet. */
  pending: Set<number>;
}

/**
 * Starts `workers` threads at once (their start-up overlaps whatever the caller does next, such as
 * opening the database). A worker that fails leaves its runs to this thread.
 */
export function createExtractPool(workers = defaultWorkerCount(), runChars = RUN_CHARS): ExtractPool {
  // The worker loads the TypeScript sources through tsx's require hook: Node 20 does not apply
  // `--import tsx` (ESM loader hooks) to a worker's own entry file.
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const entry = fileURLToPath(new URL('./extract-worker.ts', import.meta.url));
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`;
  const slots: Slot[] = [];
  const runsDone = { thread: 0, workers: 0 };
  const started: Promise<void>[] = [];
  let onChange: () => void = () => {};
  let onResult: (run: number, facts: IssueExtraction['facts']) => void = () => {};
  for (let k = 0; k < workers; k++) {
    const worker = new Worker(code, { eval: true });
    const slot: Slot = { worker, ready: false, dead: false, pending: new Set() };
    let up: () => void = () => {};
    started.push(new Promise<void>((resolve) => (up = resolve)));
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        slot.ready = true;
        up();
      } else {
        slot.pending.delete(m.run);
        runsDone.workers++;
        onResult(m.run, m.facts);
      }
      onChange();
    });
    const fail = () => {
      slot.dead = true;
      up();
      onChange();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    slots.push(slot);
  }

  let busy = false;
  async function extract(text: string, opts: ExtractOptions): Promise<IssueExtraction> {
    // The workers' answers go to the extraction under way: one at a time.
    if (busy) throw new Error('createExtractPool: one extraction at a time');
    busy = true;
    try {
      const articles = issueArticles(text, opts);
      const runs = articleRuns(articles, runChars);
      const results = await extractRuns(runs, opts);
      const facts: IssueExtraction['facts'] = [];
      for (const run of results) for (const f of run) facts.push(f);
      return { articles, facts, extractorVersion: EXTRACTOR_VERSION };
    } finally {
      onChange = () => {};
      onResult = () => {};
      busy = false;
    }
  }

  /** The facts of each run, this thread and the ready workers taking the next run as they free up. */
  async function extractRuns(runs: Article[][], opts: ExtractOptions): Promise<IssueExtraction['facts'][]> {
    const ctx = issueContext(opts);
    const results: (IssueExtraction['facts'] | undefined)[] = new Array(runs.length);
    let next = 0;
    const { date, publication, places, catalog } = opts;
    const told = new Set<Slot>();
    // Keep every ready worker two runs ahead, so it never waits for this thread to look up.
    const feed = () => {
      for (const slot of slots) {
        if (!slot.ready || slot.dead) continue;
        if (!told.has(slot)) {
          told.add(slot);
          slot.worker.postMessage({ type: 'issue', opts: { date, publication, places, catalog } } satisfies ToWorker);
        }
        while (slot.pending.size < 2 && next < runs.length) {
          const run = next++;
          slot.pending.add(run);
          slot.worker.postMessage({ type: 'run', run, articles: runs[run] ?? [] } satisfies ToWorker);
        }
      }
    };
    onResult = (run, facts) => {
      results[run] = facts;
    };
    onChange = feed;
    while (next < runs.length) {
      const run = next++;
      feed();
      results[run] = extractArticles(runs[run] ?? [], ctx);
      runsDone.thread++;
      // Let the workers' answers in (and send them more) between two runs of this thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // This thread is done: wait for the workers' last runs, doing those of a worker that died.
    await new Promise<void>((resolve) => {
      const check = () => {
        for (const slot of slots) {
          if (!slot.dead) continue;
          for (const run of slot.pending) results[run] ??= extractArticles(runs[run] ?? [], ctx);
          slot.pending.clear();
        }
        if (slots.every((s) => s.pending.size === 0)) resolve();
      };
      onChange = check;
      check();
    });
    return results.map((r, k) => r ?? extractArticles(runs[k] ?? [], ctx));
  }

  return {
    extract,
    ready: async () => {
      await Promise.all(started);
    },
    runs: runsDone,
    async close() {
      const live = slots.filter((s) => !s.dead);
      for (const s of live) s.dead = true;
      await Promise.all(live.map((s) => s.worker.terminate()));
    },
  };
}
