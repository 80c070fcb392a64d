// npm start: prepares the database (migrations, reference data, demo issue, demo accounts),
// builds the app unless .next was built from exactly the sources on disk (a fingerprint of the
// build inputs is stored next to the build: after a `git pull` or an edit it differs and the app
// is rebuilt instead of serving the old build), then serves it. Without DATABASE_URL everything
// runs on the embedded database in .data/ — no server needed.
import { spawnSync, spawn } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The TypeScript scripts start through scripts/run.mjs (a cached bundle; tsx when it cannot build one).
const script = (name, ...args) => [process.execPath, ['scripts/run.mjs', name, ...args]];

function fingerprintCheck() {
  const [node, args] = script('build-fingerprint', '--check');
  const r = spawnSync(node, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return JSON.parse(r.stdout);
}

run(...script('seed'));
const { fingerprint, stale } = fingerprintCheck();
if (stale) {
  console.log(`Building the app: ${stale}.`);
  run('npx', ['--no-install', 'next', 'build']);
  // The fingerprint taken before the build: an edit made during the build triggers the next one.
  run(...script('build-fingerprint', '--record', fingerprint));
}
const port = process.env.PORT ?? '3000';
const server = spawn('npx', ['--no-install', 'next', 'start', '-p', port], { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
