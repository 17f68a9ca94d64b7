import 'server-only';
import { and, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import { reachesUsersSql } from '@/lib/auth/host-reach-sql';
import type { SessionUser } from '@/lib/auth/read-session';

// Conditions on the `users` row of an outer query (the host Users list), in SQL so that a limit
// or a count covers only the users they let through.

/**
 * Who the viewer may see: host users, users with no account, and users of at least one account
 * the viewer reaches (permissions.ts `seesUsersOf`). Users who belong only to unmanaged accounts
 * are theirs alone.
 */
export function visibleTo(db: Database, viewer: SessionUser): SQL {
  // One correlated aggregate, null when the user has no account: PostgreSQL runs it per row
  // through the memberships' primary key. Written as NOT EXISTS or EXISTS, it would hash every
  // membership of the instance first, and a page of 50 would cost as much as 100,000 users.
  const anyReached = db
    .select({ reached: sql<boolean>`bool_or(${reachesUsersSql(viewer)})` })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(eq(accountMemberships.userId, users.id));
  return or(isNotNull(users.hostRole), sql`coalesce((${anyReached}), true)`)!;
}

/** The user's memberships in accounts the viewer reaches, with `where`; optionally in one account. */
export function reachedMemberships(
  db: Database,
  viewer: SessionUser,
  where?: SQL,
  accountId?: string,
) {
  return db
    .select({ one: sql`1` })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(
      and(
        eq(accountMemberships.userId, users.id),
        reachesUsersSql(viewer),
        where,
        accountId ? eq(accountMemberships.accountId, accountId) : undefined,
      ),
    );
}

/** The user's membership in one account, whoever may see it (the page checked the account). */
export function membershipIn(db: Database, accountId: string) {
  return db
    .select({ one: sql`1` })
    .from(accountMemberships)
    .where(
      and(eq(accountMemberships.userId, users.id), eq(accountMemberships.accountId, accountId)),
    );
}
