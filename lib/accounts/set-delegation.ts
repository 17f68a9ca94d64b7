import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';

/**
 * Turns delegated user management on or off: whether host admins may manage this account's
 * users (the account's own admins decide; their action checks it).
 */
export async function setDelegation(
  db: Database,
  options: { accountId: string; delegated: boolean },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' | 'managed' }> {
  const [updated] = await db
    .update(accounts)
    .set({ delegatedUserManagement: options.delegated, updatedAt: new Date() })
    .where(and(eq(accounts.id, options.accountId), eq(accounts.managed, false)))
    .returning({ id: accounts.id });
  if (updated) return { ok: true };
  // Host admins already manage a managed account's users: there is nothing to delegate.
  const [exists] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, options.accountId));
  return { ok: false, reason: exists ? 'managed' : 'notFound' };
}
