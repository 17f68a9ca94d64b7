import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '@/db/database';
import { runMigrations } from '@/db/migrate';
import { openPglite } from '@/db/open-pglite';
import { openPostgres } from '@/db/open-postgres';
import { hostSettings } from '@/db/schema';
import { checkHealth } from '@/lib/health/check-health';
import { drizzleMigrations } from '@/lib/health/migrations-table';
import { createTestDatabase } from '../support/test-database';
import { startPostgresCluster } from '../support/postgres-cluster';
import { withTestDatabase } from '../support/with-test-database';

const postgresDatabase = withTestDatabase('database');

// The data layer must behave the same on both drivers.
async function expectMigratedSchema(handle: DatabaseHandle) {
  const rows = await handle.db.select({ hostName: hostSettings.hostName }).from(hostSettings);
  expect(rows).toEqual([{ hostName: 'Gatehouse' }]);

  await handle.db
    .update(hostSettings)
    .set({ hostName: 'Acme Agency' })
    .where(eq(hostSettings.id, 1));
  const [renamed] = await handle.db.select({ hostName: hostSettings.hostName }).from(hostSettings);
  expect(renamed?.hostName).toBe('Acme Agency');

  // The single-row rule is enforced by the database itself.
  await expect(handle.db.insert(hostSettings).values({ id: 2 })).rejects.toThrow();

  const report = await checkHealth(async () => handle);
  expect(report).toMatchObject({ status: 'ok', migrations: { pending: 0 } });
}

describe('on real PostgreSQL', () => {
  it('applies the migrations and reads and writes through Drizzle', async () => {
    await expectMigratedSchema(postgresDatabase().handle);
  });

  it('renews its pooled connections after an outage: the same db answers, with the same types', async () => {
    const handle = openPostgres(postgresDatabase().url, { maxConnections: 2 });
    try {
      const read = () =>
        handle.db
          .select({ hostName: hostSettings.hostName, updatedAt: hostSettings.updatedAt })
          .from(hostSettings);
      const [before] = await read();
      const backends = async () => {
        const result = await handle.db.execute(sql`select pg_backend_pid() as pid`);
        return (result as unknown as { pid: number }[])[0]!.pid;
      };
      const pidBefore = await backends();
      await handle.renewConnections!();
      const [after] = await read();
      expect(after).toEqual(before);
      expect(after!.updatedAt).toBeInstanceOf(Date);
      // A new connection answers: the old pool is gone.
      expect(await backends()).not.toBe(pidBefore);
      await handle.db.transaction(async (tx) => {
        await tx.select({ id: hostSettings.id }).from(hostSettings);
      });
    } finally {
      await handle.close();
    }
  });

  it('turns JIT compilation off: it cost more than the page and count queries it compiled', async () => {
    const handle = openPostgres(postgresDatabase().url, { maxConnections: 1 });
    try {
      const result = await handle.db.execute(sql`show jit`);
      expect((result as unknown as { jit: string }[])[0]!.jit).toBe('off');
    } finally {
      await handle.close();
    }
  });

  it('applies migrations idempotently', async () => {
    const { handle } = postgresDatabase();
    await runMigrations(handle);
    expect(await checkHealth(async () => handle)).toMatchObject({ status: 'ok' });
  });

  it('lets several processes starting at once migrate a fresh database, one at a time', async () => {
    const fresh = await createTestDatabase(inject('postgresAdminUrl'), 'concurrent_migrations', {
      migrate: false,
    });
    const others = [openPostgres(fresh.url), openPostgres(fresh.url), openPostgres(fresh.url)];
    try {
      // Without the lock, the losers of the race fail on objects the winner just created.
      await Promise.all([fresh.handle, ...others].map((handle) => runMigrations(handle)));
      expect(await checkHealth(async () => fresh.handle)).toMatchObject({
        status: 'ok',
        migrations: { pending: 0 },
      });
    } finally {
      await Promise.all(others.map((handle) => handle.close()));
      await fresh.drop();
    }
  });

  it('reports pending migrations as unhealthy', async () => {
    const { handle } = postgresDatabase();
    const saved = await handle.db.select().from(drizzleMigrations);
    await handle.db.delete(drizzleMigrations);
    try {
      const unhealthy = await checkHealth(async () => handle);
      expect(unhealthy).toMatchObject({
        status: 'error',
        migrations: { applied: 0, pending: saved.length },
      });
    } finally {
      await handle.db.insert(drizzleMigrations).values(saved);
    }
  });

  it('reports a stopped server as unreachable', async () => {
    const cluster = await startPostgresCluster();
    const database = await createTestDatabase(cluster.url(), 'stopped');
    cluster.stop();
    const report = await checkHealth(async () => database.handle);
    expect(report).toMatchObject({ status: 'error', database: { reachable: false } });
    expect(report.status === 'error' && report.reason).toMatch(
      /^database unreachable: .*(ECONNREFUSED|CONNECTION_CLOSED)/,
    );
    // Not awaited: ending a pool whose server is gone waits out its grace period.
    void database.handle.close();
  });

  it('refuses to create test databases on a server the harness did not start', async () => {
    const { url } = postgresDatabase();
    // Same cluster, but a database without the harness's marker.
    await expect(createTestDatabase(url, 'refused')).rejects.toThrow(/Refusing to run tests/);
  });
});

describe('on embedded PostgreSQL (PGlite)', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pglite-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('applies the migrations and reads and writes through Drizzle', async () => {
    const handle = await openPglite(folder);
    try {
      await runMigrations(handle);
      await expectMigratedSchema(handle);
    } finally {
      await handle.close();
    }
  });

  /** Every folder and file under `root` whose mode is not 0700 (folders) or 0600 (files). */
  function looseModes(root: string): string[] {
    const loose: string[] = [];
    const visit = (entry: string) => {
      const stat = lstatSync(entry);
      const expected = stat.isDirectory() ? 0o700 : 0o600;
      if ((stat.mode & 0o777) !== expected) {
        loose.push(`${path.relative(root, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`);
      }
      if (stat.isDirectory())
        for (const child of readdirSync(entry)) visit(path.join(entry, child));
    };
    visit(root);
    return loose;
  }

  async function openMigrateClose(dataDir: string) {
    const handle = await openPglite(dataDir);
    try {
      await runMigrations(handle);
      expect(await handle.db.select().from(hostSettings)).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }

  // Opening PGlite takes seconds on a busy machine; these open it once or twice each.
  const pgliteTimeout = 90_000;

  it(
    'keeps its files private to the server: folders 0700, files 0600',
    async () => {
      const dataDir = path.join(folder, 'private');
      // The usual umask, under which files would be readable by every local user.
      const umask = process.umask(0o022);
      try {
        await openMigrateClose(dataDir);
      } finally {
        process.umask(umask);
      }
      expect(readdirSync(path.join(dataDir, 'pglite')).length).toBeGreaterThan(0);
      expect(looseModes(dataDir)).toEqual([]);
    },
    pgliteTimeout,
  );

  it(
    'tightens a data folder left readable by an earlier version',
    async () => {
      const dataDir = path.join(folder, 'loose');
      mkdirSync(dataDir);
      await openMigrateClose(dataDir);
      const loosen = (entry: string) => {
        const isDirectory = lstatSync(entry).isDirectory();
        chmodSync(entry, isDirectory ? 0o755 : 0o644);
        if (isDirectory) for (const child of readdirSync(entry)) loosen(path.join(entry, child));
      };
      loosen(dataDir);
      expect(looseModes(dataDir)).not.toEqual([]);

      await openMigrateClose(dataDir);
      expect(looseModes(dataDir)).toEqual([]);
    },
    pgliteTimeout,
  );

  it('keeps its data across restarts', async () => {
    const handle = await openPglite(folder);
    try {
      await runMigrations(handle);
      const [row] = await handle.db.select({ hostName: hostSettings.hostName }).from(hostSettings);
      expect(row?.hostName).toBe('Acme Agency');
    } finally {
      await handle.close();
    }
  });
});
