import 'server-only';
import type { Database } from '@/db/database';
import type { InvitationKind } from '@/emails/invitation-kind';
import { renderEmail } from '@/lib/mail/render-email';
import { newToken } from '@/lib/crypto/tokens';
import type { EmailContent } from '@/lib/outbox/outbox-payload';
import { invitationLink } from './invitation-link';
import { loadInvitationSettings } from './load-invitation-settings';
import type { Locale } from '@/lib/i18n/locales';

/** A new link and its email, made before the transaction that stores them. */
export interface PreparedInvitation {
  template: 'invitation' | 'invitation-regenerated';
  token: string;
  link: string;
  expiresAt: Date;
  content: EmailContent;
}

/**
 * Makes a new invitation link and renders its email outside any transaction, so the writes
 * that follow hold their locks briefly. Always rendered, so inviting costs the same with the
 * SMTP switch on or off.
 */
export async function prepareInvitation(
  db: Database,
  options: {
    template: PreparedInvitation['template'];
    purpose: InvitationKind;
    email: string;
    invitedBy: string;
    language: Locale;
  },
): Promise<PreparedInvitation> {
  const settings = await loadInvitationSettings(db);
  const token = newToken();
  const link = invitationLink(token);
  const expiresAt = new Date(Date.now() + settings.lifetimeHours * 3_600_000);
  const content = await renderEmail(
    options.template,
    {
      ...options.purpose,
      hostName: settings.hostName,
      email: options.email,
      invitedBy: options.invitedBy,
      link,
      expiresAt,
    },
    options.language,
  );
  return { template: options.template, token, link, expiresAt, content };
}
