// A worker thread of lib/ingest/parallel-extract.ts: extracts the runs of articles it is sent with
// the context of the issue it was told about last, and answers with their facts.
import { parentPort } from 'node:worker_threads';
import { extractArticles, issueContext } from '../extract';
import type { Article, ExtractOptions, IssueExtraction } from '../extract/types';

export type ToWorker =
  | { type: 'issue'; opts: Pick<ExtractOptions, 'date' | 'publication' | 'places' | 'catalog'> }
  | { type: 'run'; run: number; articles: Article[] };

export type FromWorker = { type: 'ready' } | { type: 'facts'; run: number; facts: IssueExtraction['facts'] };

if (parentPort) {
  const port = parentPort;
  let ctx = issueContext();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'issue') ctx = issueContext(m.opts);
    else port.postMessage({ type: 'facts', run: m.run, facts: extractArticles(m.articles, ctx) } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
