// scripts/run.mjs, how `npm run ingest` starts the CLI: the script bundled once and cached, rebuilt
// whenever a file it bundles (or a folder holding one) changes, and the same output as under tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFor } from '../../scripts/run.mjs';
import { DEMO_ISSUE } from '@/lib/seed/demo';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../support/test-db';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'xt-runner-'));
  dirs.push(d);
  return d;
}

/** Writes a file with a given modification time (seconds ago), so that changes are seen whatever the clock's resolution. */
function write(file: string, text: string, secondsAgo: number): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, t, t);
}

async function runBundle(file: string): Promise<unknown> {
  return ((await import(`${pathToFileURL(file).href}?t=${statSync(file).mtimeMs}`)) as { default: unknown }).default;
}

describe('scripts/run.mjs bundle cache', () => {
  it('builds once, reuses the bundle while nothing changes, and rebuilds when a bundled file or its folder changes', async () => {
    const src = tempDir();
    const cache = tempDir();
    write(path.join(src, 'dep.ts'), "export const word: string = 'one';\n", 60);
    write(path.join(src, 'main.ts'), "import { word } from './dep';\nexport default `${word} ${import.meta.url}`;\n", 60);
    const entry = path.join(src, 'main.ts');

    const first = await bundleFor('fixture', entry, cache);
    // import.meta.url is the source file's own, as under tsx (lib/ingest/parallel-extract.ts finds its worker by it).
    expect(await runBundle(first)).toBe(`one ${pathToFileURL(entry).href}`);
    const built = statSync(first).mtimeMs;

    expect(await bundleFor('fixture', entry, cache)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);

    write(path.join(src, 'dep.ts'), "export const word: string = 'two';\n", 30);
    expect(await runBundle(await bundleFor('fixture', entry, cache))).toMatch(/^two /);

    // A new file the entry does not import yet changes its folder: rebuilt (an import may now resolve to it).
    const before = statSync(first).mtimeMs;
    write(path.join(src, 'other.ts'), 'export {};\n', 20);
    await bundleFor('fixture', entry, cache);
    expect(statSync(first).mtimeMs).toBeGreaterThan(before);
  });

  it('refuses to bundle a script that does not compile (the runner then falls back to tsx)', async () => {
    const src = tempDir();
    write(path.join(src, 'broken.ts'), 'export const = ;\n', 60);
    await expect(bundleFor('broken', path.join(src, 'broken.ts'), tempDir())).rejects.toThrow();
  });
});

describe('node scripts/run.mjs ingest', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, ['scripts/run.mjs', 'ingest', ...args], { env, encoding: 'utf8', timeout: 120_000 });

  it('prints the usage and exits 2 without arguments, as under tsx', () => {
    const bundled = run([]);
    const tsx = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], { encoding: 'utf8', timeout: 120_000 });
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toBe(tsx.stderr);
    expect(bundled.stderr).toMatch(/^usage: ingest --date/);
  });

  it.runIf(postgresServerUrl())('imports an issue and says so when it is imported again (CONTRACTS.md §3)', async () => {
    let db: TestDatabase | undefined;
    try {
      db = await createTestDatabase('postgres');
      const env = { ...process.env, DATABASE_URL: db.url };
      const args = ['--date', DEMO_ISSUE.date, '--publication', DEMO_ISSUE.publication, DEMO_ISSUE.file];
      const first = run(args, env);
      expect(first.stderr).toBe('');
      const out = JSON.parse(first.stdout) as Record<string, unknown>;
      expect(Object.keys(out)).toEqual(['issueId', 'articles', 'facts', 'alreadyImported']);
      expect(out.alreadyImported).toBe(false);
      expect(out.facts).toBeGreaterThan(10);
      const again = run(args, env);
      expect(JSON.parse(again.stdout)).toEqual({ ...out, alreadyImported: true });
    } finally {
      await db?.destroy();
    }
  }, 240_000);
});
