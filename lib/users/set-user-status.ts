import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { sessions, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { cancelEmailsTo } from '@/lib/outbox/cancel-emails-to';
import { accountsOnlyAdministeredBy, isLastActiveHostAdmin } from './admin-invariants';
import { guardUserChange } from './guard-user-change';
import type { UserChangeResult } from './user-change-result';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';
import { replaceOpenInvitations } from '@/lib/invitations/replace-open-invitations';
import { replaceOpenResets } from '@/lib/resets/replace-open-resets';

/**
 * Deactivate or Reactivate another user. Deactivating ends their sessions at once, cancels
 * emails to them still waiting, and stops their open invitation links (the accept page then
 * says the access was deactivated); it is refused when it would leave no active host admin or
 * an account without an admin. Reactivating restores `active`, or `pending` for someone who
 * never set a password: their old invite and reset links stay dead (marked replaced), so a
 * link made before the deactivation never works again; a new link lets them in. A change is
 * recorded in the audit log.
 */
export async function setUserStatus(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string; active: boolean },
): Promise<UserChangeResult> {
  const { actor, userId, active } = options;
  return db.transaction(async (tx) => {
    const guard = await guardUserChange(tx, actor, userId);
    if (!guard.ok) return guard;
    const { user, accountIds } = guard.target;
    const now = new Date();
    const recordAs = (type: 'user.deactivated' | 'user.reactivated') =>
      recordUserEvent(tx, options.auditActor, { type, user, accountIds });

    if (active) {
      if (user.status === 'deactivated') {
        await tx
          .update(users)
          .set({ status: user.hasPassword ? 'active' : 'pending', updatedAt: now })
          .where(eq(users.id, userId));
        await replaceOpenInvitations(tx, userId, now);
        await replaceOpenResets(tx, userId, now);
        await recordAs('user.reactivated');
      }
      return { ok: true, email: user.email } as const;
    }

    if (user.status === 'deactivated') return { ok: true, email: user.email } as const;
    if (user.hostRole === 'admin' && (await isLastActiveHostAdmin(tx, userId))) {
      return { ok: false, reason: 'lastHostAdmin' } as const;
    }
    const orphaned = await accountsOnlyAdministeredBy(tx, userId);
    if (orphaned.length > 0) {
      return { ok: false, reason: 'lastAccountAdmin', accounts: orphaned } as const;
    }
    await tx
      .update(users)
      .set({ status: 'deactivated', updatedAt: now })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await cancelEmailsTo(tx, userId);
    await recordAs('user.deactivated');
    return { ok: true, email: user.email } as const;
  });
}
