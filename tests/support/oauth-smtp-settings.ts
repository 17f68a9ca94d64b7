import { smtpSettings } from '@/db/schema';
import type { Database } from '@/db/database';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import type { TestTokenServer } from './oauth-token-server';
import type { TestSmtpServer } from './smtp-server';

const oauthMailbox = 'noreply@nordlicht.test';

/**
 * Saves, as the SMTP page does, a configuration signing in to `smtp` with a Microsoft 365 token
 * from `tokens` (its URL as the sign-in authority), and turns email on.
 */
export async function saveMicrosoftOAuthSmtp(
  db: Database,
  smtp: TestSmtpServer,
  tokens: TestTokenServer,
): Promise<void> {
  const form = smtpFormSchema.parse({
    host: smtp.host,
    port: String(smtp.port),
    senderName: 'Nordlicht',
    senderEmail: oauthMailbox,
    starttls: 'on',
    auth: 'on',
    signIn: 'oauth2',
    username: oauthMailbox,
    oauthProvider: 'microsoft',
    oauthTenant: tokens.microsoft.tenant,
    oauthAuthority: tokens.url,
    oauthClientId: tokens.microsoft.clientId,
    oauthClientSecret: tokens.microsoft.clientSecret,
    caPem: smtp.caPem,
  });
  await db.delete(smtpSettings);
  const saved = await saveSmtpConfig(db, { form, userId: null as unknown as string });
  if (!saved.ok) throw new Error(`the OAuth2 configuration was not saved: ${saved.reason}`);
  await db.update(smtpSettings).set({ enabled: true });
}
