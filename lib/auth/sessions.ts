import 'server-only';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { sessions } from '@/db/schema';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { sessionLimits } from './session-limits';

/** Opens a session for a user who just proved who they are; returns the cookie's token. */
export async function createSession(
  db: Database,
  options: { userId: string; userAgent?: string | null },
): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: options.userId,
    expiresAt: new Date(Date.now() + sessionLimits().absoluteMs),
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Signs out one browser. */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Signs a user out everywhere ("Sign out everywhere", password change, deactivation). */
export async function deleteUserSessions(
  db: Database,
  options: { userId: string; exceptToken?: string },
): Promise<void> {
  const keep = options.exceptToken ? hashToken(options.exceptToken) : null;
  await db
    .delete(sessions)
    .where(
      keep
        ? and(eq(sessions.userId, options.userId), sql`${sessions.tokenHash} <> ${keep}`)
        : eq(sessions.userId, options.userId),
    );
}

/** Removes sessions past either limit; run now and then so the table does not grow. */
export async function deleteExpiredSessions(db: Database): Promise<void> {
  const idleSince = new Date(Date.now() - sessionLimits().idleMs);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleSince)));
}
