import 'server-only';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { sessions, signInChallenges, users } from '@/db/schema';
import { storedUserAgent } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { sessionLimits } from './session-limits';

/** How a sign-in was finished: the password alone, or the second step's method. */
export type SignInProof = 'password' | 'authenticator' | 'email' | 'recovery' | 'setUp';

/**
 * Opens a session for a user who just proved who they are; returns the cookie's token. The
 * audit log records the sign-in (who, from where, how) in the same transaction.
 */
export async function createSession(
  db: Database,
  options: {
    userId: string;
    userAgent?: string | null;
    clientAddress?: string | null;
    proof: SignInProof;
  },
): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(sessions)
      .values({
        tokenHash: hashToken(token),
        userId: options.userId,
        expiresAt: new Date(Date.now() + sessionLimits().absoluteMs),
        userAgent: options.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ userId: sessions.userId });
    const [who] = await tx
      .select({ email: users.email, hostRole: users.hostRole })
      .from(users)
      .where(eq(users.id, user!.userId));
    await recordEvent(
      tx,
      {
        kind: 'user',
        userId: options.userId,
        email: who!.email,
        role: who!.hostRole ? `host:${who!.hostRole}` : null,
        clientAddress: options.clientAddress ?? null,
        userAgent: storedUserAgent(options.userAgent),
      },
      {
        type: 'signIn.succeeded',
        target: { kind: 'user', id: options.userId, label: who!.email },
        details: { proof: options.proof },
      },
    );
  });
  return token;
}

/** Signs out one browser. */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Signs a user out everywhere ("Sign out everywhere", password change, deactivation), and ends
 * every sign-in of theirs waiting for its second step: a password just changed must not leave
 * a half-finished sign-in with the old one alive.
 */
export async function deleteUserSessions(
  db: Database,
  options: { userId: string; exceptToken?: string },
): Promise<void> {
  const keep = options.exceptToken ? hashToken(options.exceptToken) : null;
  await db.delete(signInChallenges).where(eq(signInChallenges.userId, options.userId));
  await db
    .delete(sessions)
    .where(
      keep
        ? and(eq(sessions.userId, options.userId), sql`${sessions.tokenHash} <> ${keep}`)
        : eq(sessions.userId, options.userId),
    );
}

/**
 * Deletes at most `limit` sessions past either limit and returns how many: the sweep runs it
 * over and over, so a backlog goes in short statements. Rows another process is deleting are
 * skipped, not waited for.
 */
export async function deleteExpiredSessions(
  db: Database,
  { limit }: { limit: number },
): Promise<number> {
  const idleSince = new Date(Date.now() - sessionLimits().idleMs);
  const expired = db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleSince)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db
    .delete(sessions)
    .where(inArray(sessions.tokenHash, expired))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
