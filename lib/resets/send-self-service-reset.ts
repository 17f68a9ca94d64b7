import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';
import { renderEmail } from '@/lib/mail/render-email';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { issueResetLink } from './issue-reset-link';

/**
 * Emails a reset link (1 hour) to the address if it belongs to an active user, and records who
 * asked for it (a visitor, usually); for unknown, pending or deactivated addresses it does
 * nothing and records nothing (the throttle counts those). Returns whether an email was queued.
 */
export async function sendSelfServiceReset(
  db: Database,
  options: { email: string; actor: AuditActor },
): Promise<boolean> {
  const { email, actor } = options;
  const [user] = await db
    .select({ id: users.id, email: users.email, status: users.status, language: users.language })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!user || user.status !== 'active') return false;
  const { hostName } = await loadInvitationSettings(db);
  return db.transaction(async (tx) => {
    const { link, expiresAt } = await issueResetLink(tx, {
      userId: user.id,
      kind: 'self_service',
      createdBy: null,
    });
    const content = await renderEmail(
      'password-reset',
      { kind: 'selfService', hostName, email: user.email, link, expiresAt },
      user.language,
    );
    const emailId = await enqueueEmail(tx, {
      recipient: user.email,
      recipientUserId: user.id,
      kind: 'password-reset',
      language: user.language,
      content,
      supersedeKey: `password-reset:${user.id}`,
    });
    const memberships = await tx
      .select({ accountId: accountMemberships.accountId })
      .from(accountMemberships)
      .where(eq(accountMemberships.userId, user.id));
    await recordUserEvent(tx, actor, {
      type: 'user.resetLinkMade',
      user,
      accountIds: memberships.map((membership) => membership.accountId),
      details: { by: 'selfService', emailed: emailId !== null },
    });
    return emailId !== null;
  });
}
