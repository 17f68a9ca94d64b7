import 'server-only';
import { or, sql, type SQL } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import type { HostReach } from './permissions';

/**
 * permissions.ts's `hostReaches` as a condition on the `accounts` table, for a query that must
 * count only what the viewer reaches (a limit, a search). Keep the two in step: the same rule.
 */
export function hostReachesSql(reach: HostReach): SQL {
  return reach === 'managed-or-delegated'
    ? or(accounts.managed, accounts.delegatedUserManagement)!
    : sql`${accounts.managed}`;
}
