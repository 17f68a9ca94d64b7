import 'server-only';
import type { Database } from '@/db/database';
import type { SessionUser } from '@/lib/auth/read-session';
import { deleteUserSessions } from '@/lib/auth/sessions';
import { deleteTwoFactorOf } from '@/lib/two-factor/methods-of-users';
import { guardUserChange } from './guard-user-change';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

export type ResetTwoFactorResult =
  { ok: true } | { ok: false; reason: 'notFound' | 'forbidden' | 'self' | 'noMethod' };

/**
 * "Reset two-factor sign-in" in a user's edit dialog, for someone who lost their phone: every
 * method and the recovery codes go, and the user is signed out everywhere (sessions, and sign-ins
 * waiting for a code), in one transaction. Only for users the actor may manage, as a reset link
 * (one's own methods are on the Profile page). With `inAccount`, only that account's users.
 */
export async function resetTwoFactor(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string; inAccount?: string },
): Promise<ResetTwoFactorResult> {
  const { actor, userId, inAccount } = options;
  return db.transaction(async (tx) => {
    const guard = await guardUserChange(tx, actor, userId, inAccount);
    if (!guard.ok) return guard;
    if ((await deleteTwoFactorOf(tx, userId)) === 0) {
      return { ok: false, reason: 'noMethod' } as const;
    }
    await deleteUserSessions(tx, { userId });
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.twoFactorReset',
      user: guard.target.user,
      inAccount,
      accountIds: guard.target.accountIds,
    });
    return { ok: true } as const;
  });
}
