import 'server-only';
import type { Database } from '@/db/database';
import type { Locale } from '@/lib/i18n/locales';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { renderEmail } from '@/lib/mail/render-email';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';

/**
 * Queues the email carrying a code, inside the caller's transaction, through the outbox like
 * every email. A newer code's email cancels an older one still waiting (its code is dead).
 * Null when nothing was queued (SMTP switched off meanwhile).
 */
export async function queueCodeEmail(
  tx: Database,
  options: {
    user: { id: string; email: string; language: Locale };
    purpose: 'signIn' | 'setUp';
    code: string;
    expiresAt: Date;
  },
): Promise<string | null> {
  const { user } = options;
  const { hostName } = await loadInvitationSettings(tx);
  const content = await renderEmail(
    'two-factor-code',
    {
      purpose: options.purpose,
      hostName,
      email: user.email,
      code: options.code,
      expiresAt: options.expiresAt,
    },
    user.language,
  );
  return enqueueEmail(tx, {
    recipient: user.email,
    recipientUserId: user.id,
    kind: 'two-factor-code',
    language: user.language,
    content,
    supersedeKey: `two-factor-code:${user.id}`,
  });
}
