import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '@/db/data-dir-lock';
import type { Database } from '@/db/database';
import { runMigrations } from '@/db/migrate';
import { openPglite } from '@/db/open-pglite';
import {
  auditEvents,
  passwordResets,
  recoveryCodes,
  sessions,
  twoFactorMethods,
  users,
} from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';
import { drizzleMigrations } from '@/lib/health/migrations-table';
import { resetPassword } from '@/lib/resets/reset-password';
import { testSetupActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';
import type { UserStatus } from '@/db/schema';

// The real command (npm run gatehouse -- reset-link) as a separate process, on both drivers.

const database = withTestDatabase('cli_reset_link');
const db = () => database().handle.db;
const port = '4319';
const linkPattern = new RegExp(`http://localhost:${port}/reset/([A-Za-z0-9_-]{43})(?![\\w-])`);
const temporaryDirs: string[] = [];

afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-cli-'));
  temporaryDirs.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with only the variables given (empty ones override any .env file). */
function gatehouse(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/gatehouse.ts'), ...args],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        DATABASE_URL: '',
        DATA_DIR: '',
        APP_URL: '',
        PORT: port,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function addUser(
  target: Database,
  email: string,
  status: UserStatus,
  hostRole: 'admin' | null = 'admin',
) {
  const [row] = await target
    .insert(users)
    .values({ email, status, hostRole, passwordHash: status === 'pending' ? null : 'not-a-hash' })
    .returning({ id: users.id });
  return row!.id;
}

const resetsOf = (target: Database, userId: string) =>
  target.select().from(passwordResets).where(eq(passwordResets.userId, userId));

describe('on PostgreSQL (DATABASE_URL)', () => {
  const onPostgres = (args: string[]) =>
    gatehouse(args, { DATABASE_URL: database().url, DATA_DIR: temporaryDir() });

  it('prints a working 24-hour admin link for the sole host admin', async () => {
    const adminId = await addUser(db(), 'sole.admin@example.test', 'active');

    // Typed carelessly: the address is trimmed and lower-cased.
    const first = await onPostgres(['reset-link', '  Sole.Admin@Example.TEST ']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const firstToken = first.stdout.match(linkPattern)?.[1];
    expect(firstToken).toBeDefined();
    expect(first.stdout).toContain('sole.admin@example.test');
    expect(first.stdout).toContain('works once and replaces any older reset link');
    expect(first.stdout).toContain(
      `APP_URL is not set, so it starts with http://localhost:${port}`,
    );

    const second = await onPostgres(['reset-link', 'sole.admin@example.test']);
    expect(second.code).toBe(0);
    const token = second.stdout.match(linkPattern)![1]!;

    const rows = await resetsOf(db(), adminId);
    expect(rows).toHaveLength(2);
    const older = rows.find((row) => row.tokenHash === hashToken(firstToken!))!;
    const newer = rows.find((row) => row.tokenHash === hashToken(token))!;
    expect(older.replacedAt).not.toBeNull();
    expect(newer).toMatchObject({ kind: 'admin', createdBy: null, usedAt: null, replacedAt: null });
    const lifetime = newer.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(23.9 * 3_600_000);
    expect(lifetime).toBeLessThanOrEqual(24 * 3_600_000);
    expect(second.stdout).toContain(
      `Valid until ${newer.expiresAt.toISOString().slice(0, 16)}`.replace('T', ' '),
    );

    // The link does what the reset page will do with it.
    const reset = await resetPassword(db(), {
      actor: testSetupActor,
      token,
      password: 'lantern orbit meadow 42',
    });
    expect(reset).toMatchObject({ ok: true, email: 'sole.admin@example.test' });

    // The audit log says the command line made both links.
    const made = await db()
      .select({ actorKind: auditEvents.actorKind, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.eventType, 'user.resetLinkMade'),
          eq(auditEvents.targetLabel, 'sole.admin@example.test'),
        ),
      );
    expect(made).toEqual([
      { actorKind: 'command_line', details: { by: 'commandLine', emailed: false } },
      { actorKind: 'command_line', details: { by: 'commandLine', emailed: false } },
    ]);
  });

  it('with --reset-2fa also removes the two-factor methods and ends every session', async () => {
    const adminId = await addUser(db(), 'lost.phone@example.test', 'active');
    await db()
      .insert(twoFactorMethods)
      .values({ userId: adminId, method: 'email', confirmedAt: new Date() });
    await db().insert(recoveryCodes).values({ userId: adminId, codeHash: 'h1' });
    await db()
      .insert(sessions)
      .values({
        tokenHash: `cli-2fa-${adminId}`,
        userId: adminId,
        expiresAt: new Date(Date.now() + 3_600_000),
      });

    // Without the flag: the methods stay, and the output says the flag exists.
    const plain = await onPostgres(['reset-link', 'lost.phone@example.test']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('run this again with --reset-2fa');
    expect(
      await db().select().from(twoFactorMethods).where(eq(twoFactorMethods.userId, adminId)),
    ).toHaveLength(1);

    const run = await onPostgres(['reset-link', 'lost.phone@example.test', '--reset-2fa']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(linkPattern);
    expect(run.stdout).toContain('Two-factor sign-in was reset');
    expect(
      await db().select().from(twoFactorMethods).where(eq(twoFactorMethods.userId, adminId)),
    ).toEqual([]);
    expect(
      await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, adminId)),
    ).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.userId, adminId))).toEqual([]);
  });

  it.each([
    ['nobody@example.test', null, /No user has the email nobody@example\.test in PostgreSQL at /],
    ['invited@example.test', 'pending', /has not accepted their invitation yet.*Users page/],
    ['gone@example.test', 'deactivated', /gone@example\.test is deactivated/],
  ] as const)('refuses %s and stores nothing', async (email, status, message) => {
    const userId = status ? await addUser(db(), email, status, null) : null;
    const run = await onPostgres(['reset-link', email]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).not.toMatch(/\/reset\//);
    if (userId) expect(await resetsOf(db(), userId)).toEqual([]);
  });

  it('asks for the migrations instead of applying them', async () => {
    const saved = await db().select().from(drizzleMigrations);
    const latest = saved.reduce((a, b) => ((a.createdAt ?? 0) > (b.createdAt ?? 0) ? a : b));
    await db().delete(drizzleMigrations).where(eq(drizzleMigrations.id, latest.id));
    try {
      const run = await onPostgres(['reset-link', 'sole.admin@example.test']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/lacks 1 migration\(s\).*npm run db:migrate/);
      expect(await db().select().from(drizzleMigrations)).toHaveLength(saved.length - 1);
    } finally {
      await db().insert(drizzleMigrations).values(latest);
    }
  });

  it('explains itself with --help, and answers no or an unknown command with usage', async () => {
    const help = await onPostgres(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('reset-link <email>');
    for (const args of [[], ['frobnicate'], ['reset-link']]) {
      const wrong = await onPostgres(args);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('Usage: npm run gatehouse -- <command>');
    }
  });
});

describe('on embedded PostgreSQL (DATA_DIR)', () => {
  it('makes the link when the server is stopped and refuses while it holds the folder', async () => {
    const dataDir = temporaryDir();
    const handle = await openPglite(dataDir);
    let adminId: string;
    try {
      await runMigrations(handle);
      adminId = await addUser(handle.db, 'admin@example.test', 'active');
    } finally {
      await handle.close();
    }

    const run = await gatehouse(['reset-link', 'admin@example.test'], { DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const token = run.stdout.match(linkPattern)![1]!;
    expect(run.stdout).toContain(`the embedded database in ${path.join(dataDir, 'pglite')}`);
    // The command released the folder again.
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    // Held the way a running server holds it (this test process stands in for the server).
    const lock = acquireDataDirLock(dataDir);
    try {
      const refused = await gatehouse(['reset-link', 'admin@example.test'], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toBe(
        `Cannot open the embedded database in ${path.join(dataDir, 'pglite')}: another Gatehouse process (pid ${process.pid}), most likely the running server, is using it. PGlite does not lock its folder, and opening it from a second process corrupts it. Stop the server, run this command again, then start the server.`,
      );
      expect(readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      lock.release();
    }

    // Only the one link was made: the refused run did not touch the database.
    const reopened = await openPglite(dataDir);
    try {
      const rows = await resetsOf(reopened.db, adminId);
      expect(rows.map((row) => row.tokenHash)).toEqual([hashToken(token)]);
    } finally {
      await reopened.close();
    }
  });

  it('does not create a database in a folder that has none', async () => {
    const dataDir = temporaryDir();
    const run = await gatehouse(['reset-link', 'admin@example.test'], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `There is no Gatehouse database in ${path.join(dataDir, 'pglite')} yet`,
    );
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });
});
