import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { AccountRole } from '@/lib/auth/permissions';

export interface MyAccount {
  id: string;
  name: string;
  role: AccountRole;
}

/** How many the header's picker and the dashboard list; beyond it they offer a search. */
export const myAccountsShown = 8;

/**
 * The accounts a user has a role in and can open (not deactivated): the one they opened last
 * first (if it is still among them), then by name, at most `limit` of them, and how many there
 * are in all. The header's account picker and the dashboard list these and, for a user in
 * hundreds of accounts, offer the Accounts page's search for the rest.
 */
export async function listMyAccounts(
  db: Database,
  userId: string,
  { limit = myAccountsShown }: { limit?: number } = {},
): Promise<{ accounts: MyAccount[]; lastAccountId: string | null; total: number }> {
  const open = and(eq(accountMemberships.userId, userId), ne(accounts.status, 'deactivated'));
  const lastOpened = db.select({ id: users.lastAccountId }).from(users).where(eq(users.id, userId));
  const isLast = sql<boolean>`coalesce(${accounts.id} = (${lastOpened}), false)`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name, role: accountMemberships.role, isLast })
      .from(accountMemberships)
      .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
      .where(open)
      .orderBy(desc(isLast), asc(sql`lower(${accounts.name})`))
      .limit(limit),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(accountMemberships)
      .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
      .where(open),
  ]);
  return {
    accounts: rows.map(({ isLast: _last, ...account }) => account),
    lastAccountId: rows.find((row) => row.isLast)?.id ?? null,
    total: counted?.total ?? 0,
  };
}
