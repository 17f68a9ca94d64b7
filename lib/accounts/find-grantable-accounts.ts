import 'server-only';
import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import { reachesUsersSql } from '@/lib/auth/host-reach-sql';
import { accountRoles, type AccountRole } from '@/lib/auth/permissions';
import { containsPattern } from '@/lib/database/contains-pattern';

export interface GrantableAccount {
  id: string;
  name: string;
  /** The roles the viewer may give there (never above their own: lib/auth/may-grant.ts). */
  roles: AccountRole[];
}

/** How many a search answers with: enough to pick from, never the whole instance. */
export const grantableAccountsShown = 20;

const isUuid = (text: string) => z.uuid().safeParse(text).success;

/**
 * Accounts the viewer may give individual users roles in, by name: those whose users their host
 * role reaches and their own, not deactivated, whose name contains `search` (any case), at most
 * `limit`; or exactly the accounts `ids` names (anything there that is not an account id is
 * skipped). For a host with thousands of accounts the Invite dialog and the Users page's account
 * filter search these instead of listing them all.
 */
export async function findGrantableAccounts(
  db: Database,
  viewer: SessionUser,
  options: { search?: string; ids?: string[]; limit?: number } = {},
): Promise<GrantableAccount[]> {
  const ids = options.ids?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const search = options.search?.trim();
  const rows = await db
    .select(accountScopeColumns)
    .from(accounts)
    .where(
      and(
        ne(accounts.status, 'deactivated'),
        reachesUsersSql(viewer),
        search ? sql`lower(${accounts.name}) like ${containsPattern(search)}` : undefined,
        ids ? inArray(accounts.id, ids) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${accounts.name})`))
    .limit(options.limit ?? grantableAccountsShown);
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
