import 'server-only';
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts } from '@/db/schema';
import { mayInAccount, mayOnHost, type AccountRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { AccountStatus } from '@/db/schema';

export interface AccountRow {
  id: string;
  name: string;
  status: AccountStatus;
  managed: boolean;
  delegatedUserManagement: boolean;
  userCount: number;
  /** The viewer's own role in the account, if they have one. */
  yourRole: AccountRole | null;
  /** Whether "See details" opens it for the viewer. */
  canOpen: boolean;
  /** Rename, deactivate, activate, delete, complete setup (host admins and standard users). */
  canManage: boolean;
}

/**
 * The Accounts page. Host users see every account (the unmanaged ones as rows they cannot
 * open); individual users see the accounts they have a role in. Ordered by name.
 */
export async function listAccounts(db: Database, viewer: SessionUser): Promise<AccountRow[]> {
  const seesAll = mayOnHost(viewer, 'accounts.list');
  if (!seesAll && viewer.accountRoles.size === 0) return [];
  const rows = await db
    .select({ ...accountScopeColumns, userCount: count(accountMemberships.userId) })
    .from(accounts)
    .leftJoin(accountMemberships, eq(accountMemberships.accountId, accounts.id))
    .where(seesAll ? undefined : inArray(accounts.id, [...viewer.accountRoles.keys()]))
    .groupBy(accounts.id)
    .orderBy(asc(accounts.name));
  const canManage = mayOnHost(viewer, 'accounts.manage');
  return rows.map((row) => ({
    ...row,
    yourRole: viewer.accountRoles.get(row.id) ?? null,
    canOpen: mayInAccount(viewer, 'account.view', row),
    canManage,
  }));
}
