import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, sessions, users } from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';
import type { AccountRole, Actor, HostRole } from './permissions';
import { sessionLimits } from './session-limits';
import type { Locale } from '@/lib/i18n/locales';

/** The signed-in user as pages and actions see them: no password hash, no token. */
export interface SessionUser extends Actor {
  id: string;
  email: string;
  language: Locale;
  hostRole: HostRole | null;
  accountRoles: ReadonlyMap<string, AccountRole>;
}

// Writing last_seen_at on every request would turn each page view into a write.
const touchEveryMs = 60_000;

/**
 * The session and its user, by the token's hash, apart so a test can EXPLAIN it: it runs
 * before every page and action, through primary keys only.
 */
export function sessionQuery(db: Database, tokenHash: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      hostRole: users.hostRole,
      status: users.status,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      // In the same round trip: this query runs before every page and action.
      memberships: sql<{ accountId: string; role: AccountRole }[]>`coalesce((
      select json_agg(json_build_object('accountId', ${accountMemberships.accountId}, 'role', ${accountMemberships.role}))
      from ${accountMemberships} where ${accountMemberships.userId} = ${users.id}
    ), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
}

/**
 * The user behind a session token, or null when the session is gone, past its limits, or its
 * user is no longer active. Checked on every request, so revoking takes effect at once.
 */
export async function readSession(db: Database, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await sessionQuery(db, tokenHash);
  if (!row || row.status !== 'active') return null;

  const now = Date.now();
  if (row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > sessionLimits().idleMs) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > touchEveryMs) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  }

  return {
    id: row.id,
    email: row.email,
    language: row.language,
    hostRole: row.hostRole,
    accountRoles: new Map(row.memberships.map((m) => [m.accountId, m.role])),
  };
}
