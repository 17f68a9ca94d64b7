import 'server-only';
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { usersReach, type HostReach } from './permissions';
import type { SessionUser } from './read-session';

/**
 * permissions.ts's `hostReaches` as a condition on the `accounts` table, for a query that must
 * count only what the viewer reaches (a limit, a search). Keep the two in step: the same rule.
 */
function hostReachesSql(reach: HostReach): SQL {
  return reach === 'managed-or-delegated'
    ? or(accounts.managed, accounts.delegatedUserManagement)!
    : sql`${accounts.managed}`;
}

/**
 * Accounts whose users the viewer reaches (permissions.ts `seesUsersOf`): their own, or one
 * their host role reaches for users. A condition on the `accounts` table.
 */
export function reachesUsersSql(viewer: SessionUser): SQL {
  const ownAccounts = [...viewer.accountRoles.keys()];
  return or(
    hostReachesSql(usersReach),
    ownAccounts.length > 0 ? inArray(accounts.id, ownAccounts) : undefined,
  )!;
}
