// Makes sure the production build in .next is at least as new as the source it serves, so e2e
// tests and benchmarks never run against yesterday's code. Parallel test files serialise on the
// same lock the team uses for manual builds (/tmp/next-build.lock) and re-check inside it, so the
// build happens once per change, not once per file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['app', 'components', 'lib'];
const EXTRA_FILES = ['next.config.mjs', 'package.json', 'proxy.ts', 'middleware.ts', 'tsconfig.json'];
const IGNORED = new Set(['generated', 'node_modules', '.next']);
export const BUILD_LOCK = '/tmp/next-build.lock';

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  // A folder's own mtime changes when a file in it is added or removed (a deleted route counts too).
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Newest modification time of anything the build compiles (lib/generated excluded). */
export function newestSourceMtime(root = REPO_ROOT): number {
  let newest = 0;
  for (const d of SOURCE_DIRS) newest = Math.max(newest, newestMtime(path.join(root, d)));
  for (const f of EXTRA_FILES) {
    const full = path.join(root, f);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the build must be (re)made, or null when .next is current. */
export function buildStaleReason(root = REPO_ROOT): string | null {
  const id = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(id)) return '.next/BUILD_ID is missing';
  const built = statSync(id).mtimeMs;
  const src = newestSourceMtime(root);
  if (src > built) return `source changed after the last build (${new Date(src).toISOString()} > ${new Date(built).toISOString()})`;
  return null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

let ensured: Promise<void> | undefined;

/**
 * Builds the app with `next build` when .next is missing or older than the source. Set
 * E2E_NO_BUILD=1 to use whatever build exists (handy while other people edit files all day).
 */
export function ensureProductionBuild(log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  ensured ??= (async () => {
    if (process.env.E2E_NO_BUILD === '1') {
      if (!existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'))) throw new Error('E2E_NO_BUILD=1 but there is no .next/BUILD_ID: run `npx next build`');
      return;
    }
    const reason = buildStaleReason();
    if (!reason) return;
    log(`[e2e] production build needed: ${reason}; building (waits for ${BUILD_LOCK})…`);
    const started = Date.now();
    // Re-check under the lock: another test file may have built while we waited.
    const script = [
      `import { buildStaleReason } from './tests/e2e/support/build.ts';`,
      `process.exit(buildStaleReason() ? 1 : 0);`,
    ].join('\n');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', CHECK: script };
    const { code, output } = await run(
      'flock',
      // After building, record the build's source fingerprint too, so `npm start` need not rebuild.
      [
        BUILD_LOCK,
        'sh',
        '-c',
        `npx --no-install tsx --eval "$CHECK" || { FP=$(npx --no-install tsx scripts/build-fingerprint.ts) && npx --no-install next build && npx --no-install tsx scripts/build-fingerprint.ts --record "$FP"; }`,
      ],
      env,
    );
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`);
    log(`[e2e] production build ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  })();
  return ensured;
}
