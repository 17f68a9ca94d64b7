import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, invitations, users } from '@/db/schema';
import { checkPassword, type PasswordProblem } from '@/lib/auth/password-policy';
import { hashPassword } from '@/lib/auth/passwords';
import { findInvitation } from './find-invitation';
import { invitationState } from './invitation-state';
import { replaceOpenInvitations } from './replace-open-invitations';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

export type AcceptInvitationResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; reason: 'expired' | 'used' | 'replaced' | 'deactivated' | 'unknown' }
  | { ok: false; reason: 'password'; problem: PasswordProblem };

/**
 * Submitting the accept page: sets the password and activates the user, consuming the link.
 * The invitation row is locked (FOR UPDATE) and its state re-read inside the transaction, so a
 * second or concurrent submit of the same link finds it used. An account in setup whose admin
 * this user is turns active. The caller signs the user in.
 */
export async function acceptInvitation(
  db: Database,
  options: { token: string; password: string; actor: AuditActor },
): Promise<AcceptInvitationResult> {
  const before = await findInvitation(db, { token: options.token });
  const stateBefore = invitationState(before);
  if (stateBefore !== 'valid' || !before) {
    return { ok: false, reason: stateBefore === 'valid' ? 'unknown' : stateBefore };
  }
  // The form's schema checks the policy too; this keeps a direct call from skipping it.
  const problem = checkPassword(options.password, before.email);
  if (problem) return { ok: false, reason: 'password', problem };
  const passwordHash = await hashPassword(options.password);

  return db.transaction(async (tx) => {
    const row = await findInvitation(tx, { token: options.token, lock: true });
    const state = invitationState(row);
    if (state !== 'valid' || !row) {
      return { ok: false, reason: state === 'valid' ? 'unknown' : state } as const;
    }
    const now = new Date();
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, row.id));
    // Any other link still open for this user dies with this one.
    await replaceOpenInvitations(tx, row.userId, now);
    await tx
      .update(users)
      .set({ status: 'active', passwordHash, updatedAt: now })
      .where(and(eq(users.id, row.userId), eq(users.status, 'pending')));
    // An account in setup was waiting for its first admin: this is them.
    await tx
      .update(accounts)
      .set({ status: 'active', updatedAt: now })
      .where(
        and(
          eq(accounts.status, 'setup'),
          inArray(
            accounts.id,
            tx
              .select({ id: accountMemberships.accountId })
              .from(accountMemberships)
              .where(
                and(
                  eq(accountMemberships.userId, row.userId),
                  eq(accountMemberships.role, 'admin'),
                ),
              ),
          ),
        ),
      );
    const memberships = await tx
      .select({ accountId: accountMemberships.accountId })
      .from(accountMemberships)
      .where(eq(accountMemberships.userId, row.userId));
    await recordUserEvent(tx, options.actor, {
      type: 'user.invitationAccepted',
      user: { id: row.userId, email: row.email },
      accountIds: memberships.map((membership) => membership.accountId),
    });
    return { ok: true, userId: row.userId, email: row.email } as const;
  });
}
