import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { AccountRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountsOnlyAdministeredBy, lockUserAdministration } from '@/lib/users/admin-invariants';
import type { UserChangeResult } from '@/lib/users/user-change-result';
import { cancelEmailsTo } from '@/lib/outbox/cancel-emails-to';
import { loadAccountScope } from '@/lib/auth/load-account-scope';

/** Locks and checks a change to `userId`'s role in one account: the common start of both. */
async function guardMembershipChange(
  tx: Database,
  options: { actor: SessionUser; accountId: string; userId: string },
) {
  await lockUserAdministration(tx);
  const account = await loadAccountScope(tx, options.accountId);
  const [membership] = await tx
    .select({ role: accountMemberships.role, email: users.email, hostRole: users.hostRole })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(
      and(
        eq(accountMemberships.accountId, options.accountId),
        eq(accountMemberships.userId, options.userId),
      ),
    )
    .for('update');
  if (!account || !membership) return { ok: false, reason: 'notFound' } as const;
  if (
    !mayGrant(options.actor, { type: 'individual', accounts: [{ account, role: membership.role }] })
  ) {
    return { ok: false, reason: 'forbidden' } as const;
  }
  if (options.userId === options.actor.id) return { ok: false, reason: 'self' } as const;
  return { ok: true, account, membership } as const;
}

/**
 * Another role in one account (the account's Users page). Nobody gives more than they hold
 * there, changes their own role, or demotes the account's last admin.
 */
export async function changeAccountRole(
  db: Database,
  options: { actor: SessionUser; accountId: string; userId: string; role: AccountRole },
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
    return { ok: true, email: membership.email } as const;
  });
}

/**
 * Revoke on the account's Users page: takes the user out of this account. Someone left with no
 * role anywhere is removed from the instance, as on the host Users page (their address can be
 * invited again); someone with other roles keeps them.
 */
export async function removeFromAccount(
  db: Database,
  options: { actor: SessionUser; accountId: string; userId: string },
): Promise<UserChangeResult | { ok: true; email: string; removedFromInstance: boolean }> {
  const { actor, accountId, userId } = options;
  return db.transaction(async (tx) => {
    const guard = await guardMembershipChange(tx, { actor, accountId, userId });
    if (!guard.ok) return guard;
    const { membership } = guard;
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
    return { ok: true, email: membership.email, removedFromInstance } as const;
  });
}
