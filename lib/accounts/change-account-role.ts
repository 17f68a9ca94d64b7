import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships } from '@/db/schema';
import type { AccountRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountsOnlyAdministeredBy } from '@/lib/users/admin-invariants';
import type { UserChangeResult } from '@/lib/users/user-change-result';
import { guardMembershipChange } from './guard-membership-change';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

/**
 * Another role in one account (the account's Users page). Nobody gives more than they hold
 * there, changes their own role, or demotes the account's last admin.
 */
export async function changeAccountRole(
  db: Database,
  options: {
    actor: SessionUser;
    auditActor: AuditActor;
    accountId: string;
    userId: string;
    role: AccountRole;
  },
): Promise<UserChangeResult> {
  const { actor, accountId, userId, role } = options;
  return db.transaction(async (tx) => {
    const guard = await guardMembershipChange(tx, { actor, accountId, userId });
    if (!guard.ok) return guard;
    const { account, membership } = guard;
    if (!mayGrant(actor, { type: 'individual', accounts: [{ account, role }] })) {
      return { ok: false, reason: 'forbidden' } as const;
    }
    if (membership.role === 'admin' && role !== 'admin') {
      const orphaned = await accountsOnlyAdministeredBy(tx, userId, [accountId]);
      if (orphaned.length > 0) {
        return { ok: false, reason: 'lastAccountAdmin', accounts: orphaned } as const;
      }
    }
    await tx
      .update(accountMemberships)
      .set({ role })
      .where(
        and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)),
      );
    if (membership.role !== role) {
      await recordUserEvent(tx, options.auditActor, {
        type: 'user.roleChanged',
        user: { id: userId, email: membership.email },
        inAccount: accountId,
        details: { scope: 'account', account: account.name, from: membership.role, to: role },
      });
    }
    return { ok: true, email: membership.email } as const;
  });
}
