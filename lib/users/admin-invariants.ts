import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';

/**
 * Serialises every change that could take away the last admin (role changes, deactivation,
 * revocation). Row locks alone would not do: two admins deactivating each other each lock
 * their own row and both still see the other as active. Held until the transaction ends.
 */
export async function lockUserAdministration(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gatehouse:user-administration'))`);
}

/** Whether `userId` is the instance's only active host admin (PRODUCT.md invariants). */
export async function isLastActiveHostAdmin(tx: Database, userId: string): Promise<boolean> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.hostRole, 'admin'), eq(users.status, 'active')));
  return admins.length === 1 && admins[0]!.id === userId;
}

/**
 * The names of the accounts among `accountIds` where `userId` is the only admin who is not
 * deactivated (a pending admin of an account in setup counts: the account waits for them).
 */
export async function accountsOnlyAdministeredBy(
  tx: Database,
  userId: string,
  accountIds?: readonly string[],
): Promise<string[]> {
  const administered = await tx
    .select({ accountId: accountMemberships.accountId })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.userId, userId), eq(accountMemberships.role, 'admin')));
  const ids = administered
    .map((row) => row.accountId)
    .filter((id) => !accountIds || accountIds.includes(id));
  if (ids.length === 0) return [];
  const others = await tx
    .select({ accountId: accountMemberships.accountId })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(
      and(
        inArray(accountMemberships.accountId, ids),
        eq(accountMemberships.role, 'admin'),
        ne(accountMemberships.userId, userId),
        ne(users.status, 'deactivated'),
      ),
    );
  const covered = new Set(others.map((row) => row.accountId));
  const alone = ids.filter((id) => !covered.has(id));
  if (alone.length === 0) return [];
  const named = await tx
    .select({ name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.id, alone))
    .orderBy(accounts.name);
  return named.map((row) => row.name);
}
