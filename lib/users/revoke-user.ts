import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { cancelEmailsTo } from '@/lib/outbox/cancel-emails-to';
import { accountsOnlyAdministeredBy, isLastActiveHostAdmin } from './admin-invariants';
import { guardUserChange } from './guard-user-change';
import type { UserChangeResult } from './user-change-result';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

/**
 * Revoke: removes another user from the instance with their roles, sessions and links (the
 * rows cascade), and cancels emails to them still waiting. Their address can be invited again.
 * Refused for oneself, and when it would leave no active host admin or an account without an
 * admin. Deactivate is the reversible alternative.
 */
export async function revokeUser(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string },
): Promise<UserChangeResult> {
  const { actor, userId } = options;
  return db.transaction(async (tx) => {
    const guard = await guardUserChange(tx, actor, userId);
    if (!guard.ok) return guard;
    const { user, accountIds, accountNames } = guard.target;
    if (user.hostRole === 'admin' && (await isLastActiveHostAdmin(tx, userId))) {
      return { ok: false, reason: 'lastHostAdmin' } as const;
    }
    const orphaned = await accountsOnlyAdministeredBy(tx, userId);
    if (orphaned.length > 0) {
      return { ok: false, reason: 'lastAccountAdmin', accounts: orphaned } as const;
    }
    await cancelEmailsTo(tx, userId);
    await tx.delete(users).where(eq(users.id, userId));
    // The event keeps the address: the user row is gone.
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.revoked',
      user,
      accountIds,
      details: { status: user.status, hostRole: user.hostRole, accounts: accountNames },
    });
    return { ok: true, email: user.email } as const;
  });
}
