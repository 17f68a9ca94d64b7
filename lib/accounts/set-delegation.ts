import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';

/**
 * Turns delegated user management on or off: whether host admins may manage this account's
 * users (the account's own admins decide; their action checks it).
 */
export async function setDelegation(
  db: Database,
  options: { accountId: string; delegated: boolean },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' }> {
  const [updated] = await db
    .update(accounts)
    .set({ delegatedUserManagement: options.delegated, updatedAt: new Date() })
    .where(eq(accounts.id, options.accountId))
    .returning({ id: accounts.id });
  return updated ? { ok: true } : { ok: false, reason: 'notFound' };
}
