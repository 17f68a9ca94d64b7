import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort } from './free-port';

/** Written on the cluster's maintenance database; test helpers refuse servers without it. */
export const harnessMarker = 'gatehouse test harness';

export interface PostgresCluster {
  host: string;
  port: number;
  /** Connection URL for a database of this cluster (default: the `postgres` maintenance one). */
  url(database?: string): string;
  /** Stops the server but keeps its data and port, as an outage would; `resume` starts it again. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The folder of Debian's PostgreSQL server binaries (initdb, pg_ctl, postgres). */
function serverBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config missing: look in Debian's versioned folders below.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries not found (initdb): install them with `apt-get install postgresql` (.ci/run does)',
    );
  }
  return found;
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Starts a throwaway PostgreSQL cluster in a temp folder on a free loopback port. initdb and
 * postgres refuse to run as root, so as root they run as the `postgres` system user.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = serverBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    execFileSync(file, argv, { stdio: 'pipe', cwd: dir });
  };

  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const startServer = () =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      serverOptions,
      '-w',
      'start',
    ]);
  try {
    run('initdb', [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    startServer();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not start the test PostgreSQL cluster: ${stderr || error}`);
  }

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = postgres(url(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`comment on database postgres is '${harnessMarker}'`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  let paused = false;
  return {
    host: '127.0.0.1',
    port,
    url,
    pause() {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      paused = true;
    },
    resume() {
      startServer();
      paused = false;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (!paused) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
