import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { recoveryCodes, twoFactorMethods, type TwoFactorMethod } from '@/db/schema';

/** Which methods each of these users has set up (for a page of a Users table), by user id. */
export async function twoFactorMethodsOf(
  db: Database,
  userIds: string[],
): Promise<Map<string, TwoFactorMethod[]>> {
  const byUser = new Map<string, TwoFactorMethod[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: twoFactorMethods.userId, method: twoFactorMethods.method })
    .from(twoFactorMethods)
    .where(and(inArray(twoFactorMethods.userId, userIds), isNotNull(twoFactorMethods.confirmedAt)))
    .orderBy(twoFactorMethods.method);
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.method]);
  return byUser;
}

/**
 * An admin's reset: every method (set up or half set up) and the recovery codes go. Returns how
 * many set-up methods there were. The caller ends the user's sessions in the same transaction.
 */
export async function deleteTwoFactorOf(tx: Database, userId: string): Promise<number> {
  const removed = await tx
    .delete(twoFactorMethods)
    .where(eq(twoFactorMethods.userId, userId))
    .returning({ confirmedAt: twoFactorMethods.confirmedAt });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return removed.filter((row) => row.confirmedAt !== null).length;
}
