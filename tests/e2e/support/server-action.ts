// Calls a server action over HTTP the way the browser's React runtime does (POST to a page that
// uses it, `Next-Action: <id>`, the arguments as a JSON array), for tests that need a write through
// a particular app process without driving a browser. The action's id is read from the production
// build: the client chunks name each server reference (createServerReference("<id>", …, "<name>")),
// and the server manifest says which pages carry it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './build';

interface ManifestEntry {
  workers: Record<string, unknown>;
}

function clientChunks(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) clientChunks(full, out);
    else if (e.name.endsWith('.js')) out.push(full);
  }
  return out;
}

/** The action's id and a page path that can receive it, from .next. */
export function findServerAction(name: string): { id: string; pagePath: string } {
  const manifestFile = path.join(REPO_ROOT, '.next/server/server-reference-manifest.json');
  if (!existsSync(manifestFile)) throw new Error('no production build (.next/server/server-reference-manifest.json)');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { node: Record<string, ManifestEntry> };
  const ids = new Set<string>();
  const ref = new RegExp(`\\("([0-9a-f]{40,})",[^()]*?,"${name}"\\)`, 'g');
  for (const file of clientChunks(path.join(REPO_ROOT, '.next/static/chunks'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(ref)) if (m[1] && manifest.node[m[1]]) ids.add(m[1]);
  }
  if (ids.size !== 1) throw new Error(`server action ${name}: found ${ids.size} ids in the build's client chunks`);
  const id = [...ids][0]!;
  const page = Object.keys(manifest.node[id]!.workers).find((w) => w.startsWith('app/') && w.endsWith('/page'));
  if (!page) throw new Error(`server action ${name}: no page carries it`);
  // app/(group)/admin/review/page → /admin/review
  const pagePath = `/${page.replace(/^app\//, '').replace(/\/?page$/, '').split('/').filter((s) => !/^\(.*\)$/.test(s)).join('/')}`;
  return { id, pagePath };
}

/** Invokes the action through the server at baseUrl with the given cookie; returns its result. */
export async function callServerAction<T>(baseUrl: string, cookie: string, name: string, args: unknown[]): Promise<T> {
  const { id, pagePath } = findServerAction(name);
  const res = await fetch(`${baseUrl}${pagePath}`, {
    method: 'POST',
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseUrl, // server actions refuse other origins
      Cookie: cookie,
    },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`server action ${name}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  // The answer is a React flight stream; the action's return value is the row "1:<json>".
  const line = text.split('\n').find((l) => l.startsWith('1:'));
  if (!line) throw new Error(`server action ${name}: no result in the answer: ${text.slice(0, 500)}`);
  return JSON.parse(line.slice(2)) as T;
}
