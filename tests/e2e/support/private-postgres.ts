// A throwaway PostgreSQL server of our own (initdb in a temp folder, its own port), for tests
// that stop and start the database: the machine's shared server must never be restarted.
// initdb refuses to run as root, so as root the commands run as the `postgres` OS user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PrivatePostgres {
  readonly port: number;
  /** Connection string for a database on this server. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  start(): void;
  /** mode 'fast' = clean shutdown, 'immediate' = like a crash. */
  stop(mode?: 'fast' | 'immediate'): void;
  isRunning(): boolean;
  destroy(): void;
}

/** The bin folder of the newest installed PostgreSQL, or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** Why a private server cannot be made here (only ever a skip outside CI), or null. */
export function privatePostgresSkipReason(): string | null {
  if (postgresBinDir()) return null;
  if (process.env.CI) return null; // fail loudly in CI instead
  return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)';
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * Starts a private server: a fresh cluster (initdb), or with replicaOf a streaming replica of
 * another private server (pg_basebackup -R: a hot standby that follows the primary's WAL).
 */
export async function startPrivatePostgres(opts: { port?: number; replicaOf?: PrivatePostgres } = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql');
  let port = opts.port ?? 55432;
  while (!(await portIsFree(port))) port++;
  const dir = mkdtempSync(path.join(tmpdir(), 'xt-private-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] as const : [path.join(bin, cmd), args] as const;
    const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  };
  try {
    if (opts.replicaOf) {
      // initdb's pg_hba.conf lets local connections replicate (trust), and wal_level is replica by default.
      // -c fast: do not wait for a spread checkpoint (minutes) on the primary.
      run('pg_basebackup', ['-D', data, '-h', '127.0.0.1', '-p', String(opts.replicaOf.port), '-U', 'postgres', '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    } else {
      run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true }); // leave no half-made cluster in /tmp
    throw e;
  }
  const options = () => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  let running = false;
  const server: PrivatePostgres = {
    get port() {
      return port;
    },
    url: (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: server.url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await c.end();
      }
      return server.url(name);
    },
    start() {
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options(), '-w', '-t', '30', 'start']);
      running = true;
    },
    stop(mode = 'fast') {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
      running = false;
    },
    isRunning: () => running && existsSync(path.join(data, 'postmaster.pid')),
    destroy() {
      try {
        if (existsSync(path.join(data, 'postmaster.pid'))) server.stop('immediate');
      } catch {
        // already down
      }
      if (existsSync(dir) && statSync(dir).isDirectory()) rmSync(dir, { recursive: true, force: true });
    },
  };
  // Parallel test files may pick the same free port at the same moment: move on to the next one.
  for (let attempt = 0; ; attempt++) {
    try {
      server.start();
      return server;
    } catch (e) {
      if (attempt >= 5) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      port++;
      while (!(await portIsFree(port))) port++;
    }
  }
}
