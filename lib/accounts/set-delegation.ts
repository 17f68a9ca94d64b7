import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

/**
 * Turns delegated user management on or off: whether host admins may manage this account's
 * users (the account's own admins decide; their action checks it). A change is recorded in the
 * audit log in the same transaction.
 */
export async function setDelegation(
  db: Database,
  options: { accountId: string; delegated: boolean; actor: AuditActor },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' | 'managed' }> {
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: accounts.name, delegated: accounts.delegatedUserManagement })
      .from(accounts)
      .where(and(eq(accounts.id, options.accountId), eq(accounts.managed, false)))
      .for('update');
    if (!before || before.delegated === options.delegated) return before;
    await tx
      .update(accounts)
      .set({ delegatedUserManagement: options.delegated, updatedAt: new Date() })
      .where(eq(accounts.id, options.accountId));
    await recordEvent(tx, options.actor, {
      type: 'account.delegationChanged',
      target: { kind: 'account', id: options.accountId, label: before.name },
      accountId: options.accountId,
      details: { delegated: options.delegated },
    });
    return before;
  });
  if (updated) return { ok: true };
  // Host admins already manage a managed account's users: there is nothing to delegate.
  const [exists] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, options.accountId));
  return { ok: false, reason: exists ? 'managed' : 'notFound' };
}
