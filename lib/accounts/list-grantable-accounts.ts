import 'server-only';
import { asc, ne } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import { accountRoles, type AccountRole } from '@/lib/auth/permissions';

/**
 * The accounts the viewer may invite individual users into, each with the roles they may give
 * there (never above their own: lib/auth/may-grant.ts).
 */
export async function listGrantableAccounts(
  db: Database,
  viewer: SessionUser,
): Promise<{ id: string; name: string; roles: AccountRole[] }[]> {
  const rows = await db
    .select(accountScopeColumns)
    .from(accounts)
    .where(ne(accounts.status, 'deactivated'))
    .orderBy(asc(accounts.name));
  return rows
    .map((account) => ({
      id: account.id,
      name: account.name,
      roles: accountRoles.filter((role) =>
        mayGrant(viewer, { type: 'individual', accounts: [{ account, role }] }),
      ),
    }))
    .filter((account) => account.roles.length > 0);
}
