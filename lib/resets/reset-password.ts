import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { passwordResets, sessions, users } from '@/db/schema';
import { renderEmail } from '@/lib/mail/render-email';
import { checkPassword, type PasswordProblem } from '@/lib/auth/password-policy';
import { hashPassword } from '@/lib/auth/passwords';
import { normalizeEmail } from '@/lib/auth/verify-credentials';
import { clearSignInFailures } from '@/lib/auth/sign-in-throttle';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { appUrl } from '@/lib/urls';
import { findReset, resetState, type ResetState } from './find-reset';
import { replaceOpenResets } from './replace-open-resets';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type ResetPasswordResult =
  | { ok: true; email: string; emailQueued: boolean }
  | { ok: false; reason: Exclude<ResetState, 'valid'> }
  | { ok: false; reason: 'password'; problem: PasswordProblem };

/**
 * Submitting the reset page: sets the new password, consumes the link (and kills the user's
 * other reset links), signs the user out everywhere, lifts the address's sign-in lock-out, and
 * with the SMTP switch on queues the "password changed" email. The link row is locked and
 * re-read inside the transaction, so a second or concurrent submit finds it used; a user
 * deactivated meanwhile is refused.
 */
export async function resetPassword(
  db: Database,
  options: { token: string; password: string; actor: AuditActor },
): Promise<ResetPasswordResult> {
  const before = await findReset(db, { token: options.token });
  const stateBefore = resetState(before);
  if (stateBefore !== 'valid' || !before) {
    return { ok: false, reason: stateBefore === 'valid' ? 'unknown' : stateBefore };
  }
  const problem = checkPassword(options.password, before.email);
  if (problem) return { ok: false, reason: 'password', problem };
  const passwordHash = await hashPassword(options.password);
  const changedAt = new Date();
  const { hostName } = await loadInvitationSettings(db);
  const content = await renderEmail(
    'password-changed',
    { hostName, email: before.email, changedAt, resetLink: appUrl('/forgot-password') },
    before.language,
  );

  return db.transaction(async (tx) => {
    const row = await findReset(tx, { token: options.token, lock: true });
    const state = resetState(row);
    if (state !== 'valid' || !row) {
      return { ok: false, reason: state === 'valid' ? 'unknown' : state } as const;
    }
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: changedAt })
      .where(eq(users.id, row.userId));
    await tx.update(passwordResets).set({ usedAt: changedAt }).where(eq(passwordResets.id, row.id));
    // Any other link still open for this user dies with this one.
    await replaceOpenResets(tx, row.userId, changedAt);
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    // Whoever failed five times to sign in as them no longer keeps them out.
    await clearSignInFailures(tx, normalizeEmail(row.email));
    const emailId = await enqueueEmail(tx, {
      recipient: row.email,
      recipientUserId: row.userId,
      kind: 'password-changed',
      language: row.language,
      content,
    });
    await recordEvent(tx, options.actor, {
      type: 'user.passwordReset',
      target: { kind: 'user', id: row.userId, label: row.email },
    });
    return { ok: true, email: row.email, emailQueued: emailId !== null } as const;
  });
}
