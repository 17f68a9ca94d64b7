import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { AccountRole } from '@/lib/auth/permissions';

export interface MyAccount {
  id: string;
  name: string;
  role: AccountRole;
}

/**
 * The accounts a user has a role in and can open (not deactivated), by name, and the one they
 * opened last (if it is still among them): the header's account picker and the dashboard.
 */
export async function listMyAccounts(
  db: Database,
  userId: string,
): Promise<{ accounts: MyAccount[]; lastAccountId: string | null }> {
  const [rows, [user]] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name, role: accountMemberships.role })
      .from(accountMemberships)
      .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
      .where(and(eq(accountMemberships.userId, userId), ne(accounts.status, 'deactivated')))
      .orderBy(asc(accounts.name)),
    db.select({ lastAccountId: users.lastAccountId }).from(users).where(eq(users.id, userId)),
  ]);
  const last = user?.lastAccountId ?? null;
  return {
    accounts: rows,
    lastAccountId: rows.some((row) => row.id === last) ? last : null,
  };
}
