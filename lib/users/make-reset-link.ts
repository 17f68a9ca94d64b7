import 'server-only';
import type { Database } from '@/db/database';
import { renderEmail } from '@/lib/mail/render-email';
import type { SessionUser } from '@/lib/auth/read-session';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { guardUserChange } from './guard-user-change';
import { issueResetLink } from '@/lib/resets/issue-reset-link';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

export type MakeResetLinkResult =
  | { ok: true; link: string; expiresAt: Date; emailId: string | null }
  | { ok: false; reason: 'notFound' | 'forbidden' | 'self' | 'notActive' };

/**
 * "Reset" in a user's edit dialog: a reset link that lives 24 hours, shown to the admin to
 * copy and, with the SMTP switch on, emailed to the user in their language. Older reset links
 * of the user die. Only for active users whom the actor may manage (pending users get a new
 * invite link instead; one's own password is changed on the Profile page). With `inAccount`
 * (an account's Users page), only that account's users are found.
 */
export async function makeResetLink(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string; inAccount?: string },
): Promise<MakeResetLinkResult> {
  const { actor, userId, inAccount } = options;
  const { hostName } = await loadInvitationSettings(db);
  return db.transaction(async (tx) => {
    const guard = await guardUserChange(tx, actor, userId, inAccount);
    if (!guard.ok) return guard;
    const { user, accountIds } = guard.target;
    if (user.status !== 'active') return { ok: false, reason: 'notActive' } as const;
    const { link, expiresAt } = await issueResetLink(tx, {
      userId,
      kind: 'admin',
      createdBy: actor.id,
    });
    // Rendered inside: the link exists only now. Rendering takes a few milliseconds.
    const content = await renderEmail(
      'password-reset',
      { kind: 'admin', admin: actor.email, hostName, email: user.email, link, expiresAt },
      user.language,
    );
    const emailId = await enqueueEmail(tx, {
      recipient: user.email,
      recipientUserId: userId,
      kind: 'password-reset',
      language: user.language,
      content,
      supersedeKey: `password-reset:${userId}`,
    });
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.resetLinkMade',
      user,
      inAccount,
      accountIds,
      details: { by: 'admin', emailed: emailId !== null },
    });
    return { ok: true, link, expiresAt, emailId } as const;
  });
}
