// npm start: prepares the database (migrations, reference data, demo issue, demo accounts),
// builds the app if it has not been built, then serves it. Without DATABASE_URL everything
// runs on the embedded database in .data/ — no server needed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('npx', ['--no-install', 'tsx', 'scripts/seed.ts']);
if (!existsSync('.next/BUILD_ID')) run('npx', ['--no-install', 'next', 'build']);
const port = process.env.PORT ?? '3000';
const server = spawn('npx', ['--no-install', 'next', 'start', '-p', port], { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
