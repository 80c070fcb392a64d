// `npm start` rebuilds when the sources changed since the last build: the fingerprint of the build
// inputs (git checkout and plain folder), and scripts/start.mjs itself run in a scratch project
// whose `next` only records what it was asked to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFingerprint, buildInputFiles, recordBuildFingerprint, staleBuildReason } from '@/scripts/build-fingerprint';

const REPO = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

function project(opts: { git: boolean }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'xt-fingerprint-'));
  dirs.push(root);
  write(root, 'app/page.tsx', 'export default function Page() { return null; }\n');
  write(root, 'lib/sum.ts', 'export const sum = (a: number, b: number) => a + b;\n');
  write(root, 'next.config.mjs', 'export default {};\n');
  write(root, 'package-lock.json', '{}\n');
  write(root, 'docs/notes.md', 'notes\n');
  write(root, 'lib/generated/client.ts', 'generated 1\n');
  if (opts.git) {
    write(root, '.gitignore', 'lib/generated/\n.next/\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
  }
  return root;
}

describe.each([{ git: true }, { git: false }])('build fingerprint (git checkout: $git)', ({ git }) => {
  it('lists the build inputs only', () => {
    const root = project({ git });
    const { files, source } = buildInputFiles(root);
    expect(source).toBe(git ? 'git' : 'walk');
    expect(files).toEqual(['app/page.tsx', 'lib/sum.ts', 'next.config.mjs', 'package-lock.json']);
  });

  it('changes when a source file is edited, added or removed, not for docs or generated files', () => {
    const root = project({ git });
    const first = buildFingerprint(root);
    expect(buildFingerprint(root)).toBe(first);

    write(root, 'docs/notes.md', 'more notes\n');
    write(root, 'lib/generated/client.ts', 'generated 2\n');
    expect(buildFingerprint(root)).toBe(first);

    write(root, 'lib/sum.ts', 'export const sum = (a: number, b: number) => b + a;\n'); // uncommitted edit
    const edited = buildFingerprint(root);
    expect(edited).not.toBe(first);

    write(root, 'components/card.tsx', 'export const Card = () => null;\n'); // new, untracked
    const added = buildFingerprint(root);
    expect(added).not.toBe(edited);

    rmSync(path.join(root, 'components/card.tsx'));
    expect(buildFingerprint(root)).toBe(edited);
  });

  it('a build is stale until its fingerprint is recorded, and again after a change', () => {
    const root = project({ git });
    expect(staleBuildReason(root)).toMatch(/no build yet/);
    write(root, '.next/BUILD_ID', 'abc\n');
    expect(staleBuildReason(root)).toMatch(/no record of its sources/);
    recordBuildFingerprint(root, buildFingerprint(root));
    expect(staleBuildReason(root)).toBeNull();
    write(root, 'app/page.tsx', 'export default function Page() { return "x"; }\n');
    expect(staleBuildReason(root)).toBe('the sources changed since the last build');
  });
});

describe('npm start (scripts/start.mjs)', () => {
  // A scratch project: the real start.mjs, runner and fingerprint script, a no-op seed, the real tsx, and a
  // `next` that records its arguments (build writes .next/BUILD_ID like the real one).
  function scratch(): { root: string; calls: () => string[]; start: () => string } {
    const root = project({ git: true });
    write(root, 'scripts/seed.ts', '// no-op seed for the test\n');
    copyFileSync(path.join(REPO, 'scripts/start.mjs'), path.join(root, 'scripts/start.mjs'));
    copyFileSync(path.join(REPO, 'scripts/build-fingerprint.ts'), path.join(root, 'scripts/build-fingerprint.ts'));
    copyFileSync(path.join(REPO, 'scripts/run.mjs'), path.join(root, 'scripts/run.mjs'));
    mkdirSync(path.join(root, 'node_modules/.bin'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules/.bin/tsx'), path.join(root, 'node_modules/.bin/tsx'));
    // scripts/run.mjs bundles with tsx's own esbuild (and falls back to tsx).
    symlinkSync(path.join(REPO, 'node_modules/tsx'), path.join(root, 'node_modules/tsx'));
    const fakeNext = path.join(root, 'node_modules/.bin/next');
    writeFileSync(
      fakeNext,
      [
        '#!/bin/sh',
        'echo "$1" >> calls.log',
        'if [ "$1" = build ]; then rm -rf .next && mkdir -p .next && date +%s%N > .next/BUILD_ID; fi',
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(fakeNext, 0o755);
    const calls = () => {
      try {
        return readFileSync(path.join(root, 'calls.log'), 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    };
    const start = () => {
      const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, PORT: '3999' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    return { root, calls, start };
  }

  it('builds the first time, serves the same build while nothing changed, rebuilds after a change', () => {
    const { root, calls, start } = scratch();
    expect(start()).toMatch(/Building the app: there is no build yet/);
    expect(calls()).toEqual(['build', 'start']);

    start();
    expect(calls()).toEqual(['build', 'start', 'start']);

    // What a `git pull` does: new committed content in a source file.
    write(root, 'lib/sum.ts', 'export const sum = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);\n');
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-am', 'pull'], { cwd: root });
    expect(start()).toMatch(/Building the app: the sources changed since the last build/);
    expect(calls()).toEqual(['build', 'start', 'start', 'build', 'start']);

    // A build made by hand (`next build`) leaves no fingerprint: rebuilt once, then trusted.
    execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root });
    expect(start()).toMatch(/no record of its sources/);
    start();
    expect(calls()).toEqual(['build', 'start', 'start', 'build', 'start', 'build', 'build', 'start', 'start']);
  }, 120_000);
});
