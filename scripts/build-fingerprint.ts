// The fingerprint of what `next build` compiles, so that `npm start` can tell whether .next was
// built from the sources now on disk (after a `git pull` it was not). Content-based: a SHA-256
// over the path and bytes of every input file. In a git checkout the files are the tracked and
// untracked-but-not-ignored ones under the inputs (so lib/generated, .next and node_modules are
// left out by .gitignore); elsewhere (a tarball) the same folders are walked by hand.
//
//   npx tsx scripts/build-fingerprint.ts                 prints the current fingerprint
//   npx tsx scripts/build-fingerprint.ts --check         prints {"fingerprint", "stale": reason or null}
//   npx tsx scripts/build-fingerprint.ts --record <fp>   notes that .next was built from <fp>
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders and files whose content changes what `next build` produces. */
export const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma', // lib/generated is made from it
  'next.config.mjs',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'proxy.ts',
  'middleware.ts',
  'tsconfig.json',
  'postcss.config.mjs',
] as const;

/** Written next to the build; holds the fingerprint of the sources it was built from. */
export const FINGERPRINT_FILE = path.join('.next', 'xt-build-fingerprint');

const WALK_IGNORED = new Set(['generated', 'node_modules', '.next', '.git']);

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  const st = statSync(full);
  if (st.isFile()) {
    out.push(rel);
    return;
  }
  if (!st.isDirectory()) return;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (WALK_IGNORED.has(entry.name)) continue;
    walk(root, path.join(rel, entry.name), out);
  }
}

/** The input files, relative to root, sorted; from git when root is a git work tree. */
export function buildInputFiles(root: string): { files: string[]; source: 'git' | 'walk' } {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...BUILD_INPUTS], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Outside a work tree (or without git) git answers non-zero: walk the folders instead.
  const inWorkTree =
    git.status === 0 &&
    spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' }).stdout.trim() === path.resolve(root);
  if (inWorkTree) {
    // --cached lists files deleted from disk but not yet from the index: skip those.
    const files = [...new Set(git.stdout.split('\0').filter((f) => f && existsSync(path.join(root, f))))].sort();
    return { files, source: 'git' };
  }
  const files: string[] = [];
  for (const input of BUILD_INPUTS) walk(root, input, files);
  return { files: files.map((f) => f.split(path.sep).join('/')).sort(), source: 'walk' };
}

/** SHA-256 over each input file's path and content. */
export function buildFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const f of buildInputFiles(root).files) {
    hash.update(f).update('\0');
    hash.update(readFileSync(path.join(root, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why .next must be rebuilt before it is served, or null when it was built from these sources. */
export function staleBuildReason(root: string, fingerprint = buildFingerprint(root)): string | null {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return 'there is no build yet (.next/BUILD_ID is missing)';
  const file = path.join(root, FINGERPRINT_FILE);
  if (!existsSync(file)) return `the build has no record of its sources (${FINGERPRINT_FILE} is missing)`;
  const built = readFileSync(file, 'utf8').trim();
  return built === fingerprint ? null : 'the sources changed since the last build';
}

/** Records that .next was built from sources with this fingerprint (call after a successful build). */
export function recordBuildFingerprint(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}

// CLI (scripts/start.mjs), on the current directory.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [mode, arg] = process.argv.slice(2);
  const root = process.cwd();
  if (mode === '--check') {
    const fingerprint = buildFingerprint(root);
    process.stdout.write(`${JSON.stringify({ fingerprint, stale: staleBuildReason(root, fingerprint) })}\n`);
  } else if (mode === '--record' && arg && /^[0-9a-f]{64}$/.test(arg)) {
    recordBuildFingerprint(root, arg);
  } else if (mode === undefined) {
    process.stdout.write(`${buildFingerprint(root)}\n`);
  } else {
    process.stderr.write('usage: build-fingerprint.ts [--check | --record <sha256>]\n');
    process.exit(2);
  }
}
