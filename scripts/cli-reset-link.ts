import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openConfiguredDatabase } from '@/lib/database/configured-database';
import { DataDirLockedError } from '@/db/data-dir-lock';
import type { Database, DatabaseHandle } from '@/db/database';
import { users } from '@/db/schema';
import { readMigrationStatus } from '@/lib/health/migration-status';
import { configuredDatabaseLocation } from '@/lib/startup/database-location';
import { issueResetLink } from '@/lib/resets/issue-reset-link';
import { deleteUserSessions } from '@/lib/auth/sessions';
import { deleteTwoFactorOf, twoFactorMethodsOf } from '@/lib/two-factor/methods-of-users';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

/** The audit log's actor for what this tool does: no user, no client. */
const commandLine: AuditActor = { kind: 'command_line' };

type Where = ReturnType<typeof configuredDatabaseLocation>;

/** Every answer names the database it looked in and the email as normalised. */
export type CliResetLinkResult = { where: Where; email: string } & (
  | {
      ok: true;
      link: string;
      expiresAt: Date;
      /** With --reset-2fa: how many two-factor methods were removed; else how many there are. */
      twoFactor: { reset: boolean; methods: number };
    }
  | { ok: false; reason: 'noDatabase' | 'noUsers' | 'unknownEmail' | 'pending' | 'deactivated' }
  | { ok: false; reason: 'locked'; holderPid: number }
  | { ok: false; reason: 'migrationsPending'; pending: number }
);

type UserOutcome =
  | { ok: true; link: string; expiresAt: Date; twoFactor: { reset: boolean; methods: number } }
  | { ok: false; reason: 'noUsers' | 'unknownEmail' | 'pending' | 'deactivated' };

async function issueForEmail(
  db: Database,
  email: string,
  resetTwoFactor: boolean,
): Promise<UserOutcome> {
  return db.transaction(async (tx) => {
    // Locked so the status checked here is the one the link is made for.
    const [user] = await tx
      .select({ id: users.id, status: users.status })
      .from(users)
      .where(eq(users.email, email))
      .for('update');
    if (!user) {
      const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
      return { ok: false, reason: anyUser ? 'unknownEmail' : 'noUsers' } as const;
    }
    if (user.status !== 'active') return { ok: false, reason: user.status } as const;
    const issued = await issueResetLink(tx, { userId: user.id, kind: 'admin', createdBy: null });
    const target = { kind: 'user', id: user.id, label: email } as const;
    await recordEvent(tx, commandLine, {
      type: 'user.resetLinkMade',
      target,
      details: { by: 'commandLine', emailed: false },
    });
    // For a sole admin who lost their phone too: the methods go with the sessions they guard,
    // in the same transaction as the link.
    if (resetTwoFactor) {
      const methods = await deleteTwoFactorOf(tx, user.id);
      await deleteUserSessions(tx, { userId: user.id });
      await recordEvent(tx, commandLine, { type: 'user.twoFactorReset', target });
      return { ok: true, ...issued, twoFactor: { reset: true, methods } } as const;
    }
    const methods = (await twoFactorMethodsOf(tx, [user.id])).get(user.id)?.length ?? 0;
    return { ok: true, ...issued, twoFactor: { reset: false, methods } } as const;
  });
}

/**
 * `npm run gatehouse -- reset-link <email> [--reset-2fa]`: a 24-hour reset link for an active
 * user (and, asked, their two-factor sign-in reset), made on
 * the server's command line for a host admin who is locked out (no email needed). Opens the
 * database the server uses, but never creates or migrates it, and never opens an embedded
 * database the running server holds: PGlite does not lock its folder itself, and two
 * processes writing to it corrupt it.
 *
 * Migrations are checked, not applied: on PostgreSQL the server of another version may be
 * using the database, and a schema change should come from a deliberate start or
 * `npm run db:migrate`, not as a side effect of an operator tool.
 */
export async function cliResetLink(options: {
  email: string;
  resetTwoFactor?: boolean;
}): Promise<CliResetLinkResult> {
  const email = options.email.trim().toLowerCase();
  const where = configuredDatabaseLocation();
  // PGlite writes PG_VERSION when it creates a database; opening a folder without one would
  // create an empty database instead of finding the instance.
  if (where.driver === 'pglite' && !existsSync(path.join(where.location, 'PG_VERSION'))) {
    return { where, email, ok: false, reason: 'noDatabase' };
  }
  let handle: DatabaseHandle;
  try {
    handle = await openConfiguredDatabase();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      return { where, email, ok: false, reason: 'locked', holderPid: error.holderPid };
    }
    throw error;
  }
  try {
    const migrations = await readMigrationStatus(handle.db);
    if (migrations.applied === 0) return { where, email, ok: false, reason: 'noDatabase' };
    if (migrations.pending > 0) {
      return { where, email, ok: false, reason: 'migrationsPending', pending: migrations.pending };
    }
    const outcome = await issueForEmail(handle.db, email, options.resetTwoFactor ?? false);
    return { where, email, ...outcome };
  } finally {
    await handle.close();
  }
}
