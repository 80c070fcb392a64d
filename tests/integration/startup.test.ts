// Start-up with bad configuration: one clear line on stderr that says what to fix, no stack
// trace, and a non-zero exit. Runs the same script `npm start` runs first.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function migrateWith(env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  try {
    const r = await run('npx', ['--no-install', 'tsx', 'scripts/migrate.ts'], { env: childEnv, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('start-up configuration', () => {
  it('an unreachable DATABASE_URL stops with one line', async () => {
    const r = await migrateWith({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/xt' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1/xt (connection refused): start the server or fix DATABASE_URL.',
    );
  });

  it('a malformed DATABASE_URL stops with one line', async () => {
    const r = await migrateWith({ DATABASE_URL: 'mysql://localhost/xt' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Invalid configuration: DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://');
  });

  it('a data folder that is not usable stops with one line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xt-start-'));
    const file = path.join(dir, 'file');
    writeFileSync(file, '');
    try {
      const r = await migrateWith({ DATABASE_URL: undefined, DATA_DIR: path.join(file, 'db') });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `The data folder ${path.join(file, 'db')} is not writable: fix its permissions or set DATA_DIR to a writable folder.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an embedded database on a fresh folder is migrated, and a second run applies nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xt-start-'));
    try {
      const first = await migrateWith({ DATABASE_URL: undefined, DATA_DIR: path.join(dir, 'db') });
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/^pglite .*: [1-9]\d* migration\(s\) applied \(20261128000000_init/);
      const second = await migrateWith({ DATABASE_URL: undefined, DATA_DIR: path.join(dir, 'db') });
      expect(second.stdout).toMatch(/0 migration\(s\) applied \(up to date\); reference data: 0 row\(s\) added/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
