// node scripts/run.mjs NAME [ARGS…] — runs the CLI scripts/NAME.ts (how `npm run ingest` starts it).
// Under tsx every run compiles and resolves the script's whole import graph module by module, through
// loader hooks on a second thread: ~0.4 s of wall and CPU before the script's first line, paid by every
// import (docs/benchmarks.md, issue 15). Here the script and the project modules it imports are
// bundled into one ES module by esbuild (the compiler tsx itself uses; packages stay external and load
// from node_modules as before), kept in node_modules/.cache/xt-cli/ and rebuilt when any bundled file,
// or a folder holding one, has changed since. Nothing to run by hand. Should the bundle fail to build
// or to be stored, the script runs under tsx as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'xt-cli');
/** Bump when the bundle options below change: every cached bundle is then rebuilt. */
const FORMAT = 2;

/** A file's or folder's modification time and size, to notice any change to it. */
function stamp(file) {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function loadEsbuild() {
  // esbuild is tsx's own compiler (a dependency of tsx): resolved through tsx, so the two never differ.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  return fromTsx('esbuild');
}

/** import.meta.url (and dirname, filename) of a bundled module is its own source file's, as under tsx. */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** The path of an up-to-date bundle of `entry`, building it if needed. Throws when it cannot. */
export async function bundleFor(name, entry, cacheDir = CACHE) {
  const esbuild = loadEsbuild();
  // Named after the checkout too: worktrees sharing one node_modules keep a bundle each.
  const tag = `${name}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`;
  const out = path.join(cacheDir, `${tag}.mjs`);
  const metaFile = path.join(cacheDir, `${tag}.json`);
  const key = JSON.stringify({ FORMAT, esbuild: esbuild.version, root: ROOT, entry, node: process.versions.node.split('.')[0] });
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.key === key && meta.stamps.every(([file, s]) => stamp(path.join(ROOT, file)) === s) && stamp(out) !== 'missing') return out;
  } catch {
    // No bundle yet, or its record is unreadable: build it.
  }
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    plugins: [ownImportMeta],
    metafile: true,
    // Stack traces name the TypeScript files and lines, as under tsx (the map is read only when a
    // stack is printed).
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    outfile: out,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path === out)?.contents;
  const map = result.outputFiles.find((f) => f.path === `${out}.map`)?.contents;
  if (!code || !map) throw new Error(`esbuild wrote no ${out}`);
  const files = new Set(['package.json', 'tsconfig.json', path.relative(ROOT, fileURLToPath(import.meta.url))]);
  for (const input of Object.keys(result.metafile.inputs)) {
    files.add(input);
    // A folder's time changes when a file is added to it or removed: a new file may change what an
    // import resolves to.
    files.add(path.dirname(input));
  }
  const stamps = [...files].map((f) => [f, stamp(path.join(ROOT, f))]);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `.${process.pid}.tmp`;
  writeFileSync(`${out}.map${tmp}`, map);
  renameSync(`${out}.map${tmp}`, `${out}.map`);
  writeFileSync(out + tmp, code);
  renameSync(out + tmp, out);
  // A file changed while esbuild read it may be in the bundle in its old state: keep no record then,
  // so that the next run builds again.
  const settled = [...files].every((f) => {
    try {
      return statSync(path.join(ROOT, f)).mtimeMs < started;
    } catch {
      return true;
    }
  });
  if (settled) {
    writeFileSync(metaFile + tmp, JSON.stringify({ key, stamps }));
    renameSync(metaFile + tmp, metaFile);
  }
  return out;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    process.stderr.write('usage: node scripts/run.mjs NAME [ARGS…]   (runs scripts/NAME.ts)\n');
    process.exit(2);
  }
  const entry = path.join(ROOT, 'scripts', `${name}.ts`);
  if (stamp(entry) === 'missing') {
    process.stderr.write(`No such script: scripts/${name}.ts\n`);
    process.exit(2);
  }
  let target;
  try {
    target = pathToFileURL(await bundleFor(name, entry)).href;
    process.setSourceMapsEnabled(true);
  } catch {
    // No bundle (a read-only node_modules, or a syntax error esbuild refuses): tsx, which reports
    // such an error in the usual way.
    const { register } = await import('tsx/esm/api');
    register();
    target = pathToFileURL(entry).href;
  }
  // The script reads its arguments from process.argv as when run directly: node scripts/NAME.ts ARGS…
  process.argv.splice(1, 2, entry);
  await import(target);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
