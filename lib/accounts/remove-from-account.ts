import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { accountsOnlyAdministeredBy } from '@/lib/users/admin-invariants';
import type { UserChangeResult } from '@/lib/users/user-change-result';
import { cancelEmailsTo } from '@/lib/outbox/cancel-emails-to';
import { guardMembershipChange } from './guard-membership-change';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

/**
 * Revoke on the account's Users page: takes the user out of this account. Someone left with no
 * role anywhere is removed from the instance, as on the host Users page (their address can be
 * invited again); someone with other roles keeps them.
 */
export async function removeFromAccount(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; accountId: string; userId: string },
): Promise<UserChangeResult | { ok: true; email: string; removedFromInstance: boolean }> {
  const { actor, accountId, userId } = options;
  return db.transaction(async (tx) => {
    const guard = await guardMembershipChange(tx, { actor, accountId, userId });
    if (!guard.ok) return guard;
    const { account, membership } = guard;
    if (membership.role === 'admin') {
      const orphaned = await accountsOnlyAdministeredBy(tx, userId, [accountId]);
      if (orphaned.length > 0) {
        return { ok: false, reason: 'lastAccountAdmin', accounts: orphaned } as const;
      }
    }
    await tx
      .delete(accountMemberships)
      .where(
        and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)),
      );
    const [otherRole] = await tx
      .select({ accountId: accountMemberships.accountId })
      .from(accountMemberships)
      .where(eq(accountMemberships.userId, userId))
      .limit(1);
    const removedFromInstance = membership.hostRole === null && otherRole === undefined;
    if (removedFromInstance) {
      await cancelEmailsTo(tx, userId);
      await tx.delete(users).where(eq(users.id, userId));
    }
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.removedFromAccount',
      user: { id: userId, email: membership.email },
      inAccount: accountId,
      details: { account: account.name, role: membership.role, removedFromInstance },
    });
    return { ok: true, email: membership.email, removedFromInstance } as const;
  });
}
