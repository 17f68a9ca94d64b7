import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import { renderEmail } from '@/lib/mail/render-email';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { issueResetLink } from './issue-reset-link';

/**
 * Emails a reset link (1 hour) to the address if it belongs to an active user; for unknown,
 * pending or deactivated addresses it does nothing. Returns whether an email was queued.
 */
export async function sendSelfServiceReset(db: Database, email: string): Promise<boolean> {
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
    return emailId !== null;
  });
}
