import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import { renderEmail } from '@/lib/mail/render-email';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { takeAttempts, type ThrottleRule } from '@/lib/throttle/throttle';
import { issueResetLink } from './issue-reset-link';

// Per address it stops flooding one inbox; per client it stops probing many addresses. The
// client comes first: a client already refused uses up nobody's address.
function rules(email: string, clientAddress: string | null): ThrottleRule[] {
  const window = { windowMinutes: 15, blockMinutes: 15 };
  const list: ThrottleRule[] = [];
  if (clientAddress) list.push({ key: `forgot:client:${clientAddress}`, limit: 10, ...window });
  list.push({ key: `forgot:email:${email}`, limit: 3, ...window });
  return list;
}

export type ForgotPasswordAnswer =
  | { ok: true }
  | { ok: false; reason: 'smtpOff' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * The part of "Forgot password" that answers: the same for every address, known or not. It
 * checks the SMTP switch and the throttle and counts the request; whether the address
 * belongs to anyone is looked at only afterwards, in `sendSelfServiceReset`, which the caller
 * runs after the response so the answer takes the same time either way.
 */
export async function answerForgotPassword(
  db: Database,
  options: { email: string; clientAddress: string | null },
): Promise<ForgotPasswordAnswer> {
  if (!(await isSmtpEnabled(db))) return { ok: false, reason: 'smtpOff' };
  const admission = await takeAttempts(db, rules(options.email, options.clientAddress));
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
  return { ok: true };
}

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
