import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { runMigrations } from '@/db/migrate';
import { openPglite } from '@/db/open-pglite';
import { accounts, users } from '@/db/schema';
import { backupEmbedded, restoreEmbedded } from '../../scripts/cli-backup';
import { withEnvironment } from '../support/with-environment';

// `npm run gatehouse -- backup` and `restore` of the embedded database, without a server (the
// copy through a running server is in tests/e2e/backup.spec.ts).

const environment = withEnvironment(['DATA_DIR', 'DATABASE_URL', 'DATABASE_URL_FILE']);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-backup-'));
  environment({ DATA_DIR: path.join(dir, 'data') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withDatabase<T>(work: (db: Database) => Promise<T>) {
  const handle = await openPglite(path.join(dir, 'data'));
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

/** A migrated embedded database in the data folder with one host admin, and `more` done to it. */
async function seedDatabase(email: string, more: (db: Database) => Promise<unknown>) {
  const handle = await openPglite(path.join(dir, 'data'));
  try {
    await runMigrations(handle);
    await handle.db
      .insert(users)
      .values({ email, status: 'active', hostRole: 'admin', passwordHash: 'not-a-real-hash' });
    await more(handle.db);
  } finally {
    await handle.close();
  }
}

const userEmails = (db: Database) =>
  db
    .select({ email: users.email })
    .from(users)
    .then((rows) => rows.map((row) => row.email));

describe('backup and restore of the embedded database', () => {
  it('restores what was backed up, keeping the database it replaces aside', async () => {
    await seedDatabase('kept@example.test', (db) =>
      db.insert(accounts).values({ name: 'Kept account', managed: true }),
    );

    const file = path.join(dir, 'gatehouse.backup');
    expect(await backupEmbedded(file)).toMatchObject({ ok: true, file, through: 'folder' });

    // A later mistake the backup undoes.
    await withDatabase((db) => db.delete(users));
    const restored = await restoreEmbedded(file, new Date('2026-12-05T12:00:00Z'));
    expect(restored).toMatchObject({ ok: true, users: 1, accounts: 1, pendingMigrations: 0 });
    if (!restored.ok) return;
    expect(restored.movedAside).toBe(`${restored.folder}-before-restore-2026-12-05T12-00-00-000Z`);
    expect(existsSync(restored.movedAside!)).toBe(true);
    expect(await withDatabase(userEmails)).toEqual(['kept@example.test']);
  });

  it('refuses a backup of a newer Gatehouse, a file that is not one, and a folder in use', async () => {
    // As a newer Gatehouse leaves it: a migration this version does not know.
    await seedDatabase('now@example.test', (db) =>
      db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', 1)`,
      ),
    );
    const newer = path.join(dir, 'newer.backup');
    expect((await backupEmbedded(newer)).ok).toBe(true);
    await withDatabase((db) =>
      db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'from-the-future'`),
    );
    expect(await restoreEmbedded(newer)).toMatchObject({ ok: false, reason: 'newerSchema' });
    // Put back as it was.
    expect(await withDatabase(userEmails)).toEqual(['now@example.test']);

    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'not a backup');
    expect(await restoreEmbedded(text)).toEqual({ ok: false, reason: 'notABackup' });
    expect(await restoreEmbedded(path.join(dir, 'missing'))).toEqual({
      ok: false,
      reason: 'noFile',
    });

    // A live process (this one's parent) holds the folder, as a running server would.
    writeFileSync(path.join(dir, 'data', 'pglite.lock'), String(process.ppid));
    expect(await restoreEmbedded(newer)).toEqual({
      ok: false,
      reason: 'locked',
      holderPid: process.ppid,
    });
  });

  it('points at pg_dump when the instance uses PostgreSQL', async () => {
    environment({ DATA_DIR: path.join(dir, 'data'), DATABASE_URL: 'postgres://h/d' });
    expect(await backupEmbedded(path.join(dir, 'x'))).toEqual({ ok: false, reason: 'postgres' });
    expect(await restoreEmbedded(path.join(dir, 'x'))).toEqual({ ok: false, reason: 'postgres' });
  });
});
