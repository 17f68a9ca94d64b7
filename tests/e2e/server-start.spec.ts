import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchAppServer, waitForExit, waitForResponse } from '../support/app-server';
import { freePort } from '../support/free-port';
import { logMessages } from '../support/server-log';
import { startPostgresCluster } from '../support/postgres-cluster';
import { createTestDatabase } from '../support/test-database';

// These start the real production server as a separate process, as `npm start` does.

// Opens the detail of /api/health, as an operator's monitoring would.
const cronSecret = 'cron-secret-of-the-server-start-tests';
const operator = { headers: { authorization: `Bearer ${cronSecret}` } };

const tsxCli = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

function temporaryDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'gatehouse-start-'));
}

/** The lines a refused start printed (their messages), without Next's own banner. */
function refusalLines(output: string): string[] {
  return logMessages(output).filter((line) => line.startsWith('Gatehouse cannot start'));
}

test('stops with one clear line when PostgreSQL is not listening', async () => {
  const port = await freePort();
  const server = await launchAppServer({
    DATABASE_URL: `postgres://gatehouse:secret@127.0.0.1:${port}/gatehouse`,
    DATA_DIR: temporaryDataDir(),
  });
  expect(await waitForExit(server)).toBe(1);
  const output = server.output();
  expect(refusalLines(output)).toEqual([
    `Gatehouse cannot start: PostgreSQL at 127.0.0.1:${port}/gatehouse: connection refused. Is the server running and listening on that port? Check DATABASE_URL.`,
  ]);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('secret@');
});

test('names a database that does not exist', async () => {
  const cluster = await startPostgresCluster();
  try {
    const server = await launchAppServer({
      DATABASE_URL: cluster.url('no_such_database'),
      DATA_DIR: temporaryDataDir(),
    });
    expect(await waitForExit(server)).toBe(1);
    const [line, ...more] = refusalLines(server.output());
    expect(more).toEqual([]);
    expect(line).toContain(`PostgreSQL at 127.0.0.1:${cluster.port}/no_such_database`);
    expect(line).toContain('database "no_such_database" does not exist');
    expect(line).toContain('createdb');
  } finally {
    cluster.stop();
  }
});

test('takes its secrets from files (Docker and Kubernetes secrets), and refuses a muddle or a half-set SMTP in one line', async () => {
  const cluster = await startPostgresCluster();
  const secrets = temporaryDataDir();
  const file = (name: string, contents: string) => {
    const where = path.join(secrets, name);
    writeFileSync(where, contents);
    return where;
  };
  try {
    const database = await createTestDatabase(cluster.url(), 'secret_files');
    await database.handle.close();
    const server = await launchAppServer({
      DATABASE_URL_FILE: file('database-url', `${database.url}\n`),
      APP_SECRET_FILE: file('app-secret', 'an-app-secret-read-from-a-mounted-file-0123\n'),
      CRON_SECRET_FILE: file('cron-secret', `${cronSecret}\n`),
      DATA_DIR: temporaryDataDir(),
    });
    try {
      await waitForResponse(server);
      // The cron secret from its file opens the health detail; the database is the file's.
      const health = await (await fetch(`${server.url}/api/health`, operator)).json();
      expect(health).toMatchObject({ status: 'ok', database: { driver: 'postgres' } });
      expect(server.output()).not.toContain('Generated a new app secret');
    } finally {
      await server.stop();
    }

    const muddled = await launchAppServer({
      DATABASE_URL: database.url,
      DATABASE_URL_FILE: file('also', database.url),
      DATA_DIR: temporaryDataDir(),
    });
    expect(await waitForExit(muddled)).toBe(1);
    expect(refusalLines(muddled.output())).toEqual([
      'Gatehouse cannot start: DATABASE_URL and DATABASE_URL_FILE are both set; keep one of them.',
    ]);
    const missing = path.join(secrets, 'not-mounted');
    const unmounted = await launchAppServer({
      APP_SECRET_FILE: missing,
      DATA_DIR: temporaryDataDir(),
    });
    expect(await waitForExit(unmounted)).toBe(1);
    expect(refusalLines(unmounted.output())).toEqual([
      `Gatehouse cannot start: APP_SECRET_FILE names ${missing}, which cannot be read (ENOENT).`,
    ]);
    // SMTP from the environment is whole or not at all: a half-set one names what is missing.
    const halfSet = await launchAppServer({
      SMTP_HOST: 'smtp.example.com',
      SMTP_USERNAME: 'mailer@example.com',
      DATA_DIR: temporaryDataDir(),
    });
    expect(await waitForExit(halfSet)).toBe(1);
    expect(refusalLines(halfSet.output())).toEqual([
      'Gatehouse cannot start: the SMTP settings in the environment are incomplete: SMTP_PORT, SMTP_SECURITY, SMTP_SENDER_NAME, SMTP_SENDER_EMAIL and SMTP_PASSWORD are missing (set: SMTP_HOST, SMTP_USERNAME). Set them, or unset every SMTP_ variable to configure SMTP in the console.',
    ]);
  } finally {
    cluster.stop();
    rmSync(secrets, { recursive: true, force: true });
  }
});

test('runs on embedded PostgreSQL with no set-up, and keeps one server per data folder', async () => {
  const dataDir = temporaryDataDir();
  const server = await launchAppServer({ DATA_DIR: dataDir, CRON_SECRET: cronSecret });
  try {
    await waitForResponse(server);
    const health = await (await fetch(`${server.url}/api/health`, operator)).json();
    expect(health).toMatchObject({
      status: 'ok',
      database: { driver: 'pglite', reachable: true },
      migrations: { pending: 0 },
    });
    const secretFile = path.join(dataDir, 'app-secret');
    expect(readFileSync(secretFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(server.output()).toContain(`Generated a new app secret and saved it in ${secretFile}`);

    const second = await launchAppServer({ DATA_DIR: dataDir });
    expect(await waitForExit(second)).toBe(1);
    expect(refusalLines(second.output())).toEqual([
      `Gatehouse cannot start: the embedded database in ${dataDir} is in use by another Gatehouse process (pid ${server.process.pid}); stop that process first, or set DATABASE_URL to use a PostgreSQL server.`,
    ]);
  } finally {
    await server.stop();
  }
  // The lock goes with the server: the next start keeps the secret and the data.
  expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  const restarted = await launchAppServer({ DATA_DIR: dataDir });
  try {
    await waitForResponse(restarted);
    expect(restarted.output()).not.toContain('Generated a new app secret');
  } finally {
    await restarted.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('health answers 503 while the database is down: the reason in the log and for the operator', async () => {
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'health');
  await database.handle.close();
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    DATA_DIR: temporaryDataDir(),
    CRON_SECRET: cronSecret,
  });
  try {
    await waitForResponse(server);
    const healthy = await fetch(`${server.url}/api/health`, operator);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ database: { driver: 'postgres' } });

    cluster.stop();
    const down = await fetch(`${server.url}/api/health`);
    expect(down.status).toBe(503);
    expect(down.headers.get('cache-control')).toBe('no-store');
    // The public learns that it is down, not where the database is or why.
    expect(await down.text()).toBe('{"status":"unavailable"}');
    expect(logMessages(server.output()).join('\n')).toMatch(
      /^Health check failed: database unreachable: \S/m,
    );

    const detail = await fetch(`${server.url}/api/health`, operator);
    expect(detail.status).toBe(503);
    const report = await detail.json();
    expect(report).toMatchObject({ status: 'error', database: { reachable: false } });
    expect(report.reason).toMatch(/^database unreachable: /);
  } finally {
    await server.stop();
    cluster.stop();
  }
});

test('on a serverless platform, refuses to start without DATABASE_URL, in one line', async () => {
  const server = await launchAppServer({ VERCEL: '1', APP_SECRET: 'x'.repeat(40) });
  expect(await waitForExit(server)).toBe(1);
  expect(refusalLines(server.output())).toEqual([
    'Gatehouse cannot start: DATABASE_URL is not set, and embedded PostgreSQL needs a writable disk that lasts, which a serverless platform (VERCEL=1) does not have. Set DATABASE_URL to a managed PostgreSQL (see docs/deploy.md).',
  ]);
});

test('on a serverless platform, migrations are a deploy step, not a cold start', async () => {
  const cluster = await startPostgresCluster();
  try {
    const database = await createTestDatabase(cluster.url(), 'serverless', { migrate: false });
    await database.handle.close();
    const env = { VERCEL: '1', DATABASE_URL: database.url, APP_SECRET: 'y'.repeat(40) };

    const unmigrated = await launchAppServer(env);
    expect(await waitForExit(unmigrated)).toBe(1);
    const [line, ...more] = refusalLines(unmigrated.output());
    expect(more).toEqual([]);
    expect(line).toMatch(
      /^Gatehouse cannot start: the database lacks \d+ migration\(s\) of this version\. Run `npm run db:migrate` as a deploy step/,
    );

    // The deploy step, as a platform's build command would run it.
    const migrate = spawnSync(process.execPath, [tsxCli, 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('Migrations applied');

    const server = await launchAppServer(env);
    try {
      await waitForResponse(server);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
    }
  } finally {
    cluster.stop();
  }
});
