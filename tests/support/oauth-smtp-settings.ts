import { smtpSettings } from '@/db/schema';
import type { Database } from '@/db/database';
import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { testSetupActor } from './audit-actors';
import type { TestTokenServer } from './oauth-token-server';
import type { TestSmtpServer } from './smtp-server';

const oauthMailbox = 'noreply@nordlicht.test';

/** The SMTP form's OAuth2 fields for each provider, pointing at the test token server. */
function oauthFields(tokens: TestTokenServer, provider: OAuthProvider) {
  switch (provider) {
    case 'microsoft':
      return {
        oauthTenant: tokens.microsoft.tenant,
        oauthAuthority: tokens.url,
        oauthClientId: tokens.microsoft.clientId,
        oauthClientSecret: tokens.microsoft.clientSecret,
      };
    case 'google':
      tokens.delegatedMailboxes.add(oauthMailbox);
      return { oauthKeyJson: tokens.serviceAccount.keyJson(tokens.googleTokenUri) };
    case 'other':
      return {
        oauthTokenUrl: tokens.otherTokenUrl,
        oauthScope: tokens.other.scope,
        oauthClientId: tokens.other.clientId,
        oauthClientSecret: tokens.other.clientSecret,
      };
  }
}

/**
 * Saves, as the SMTP page does, a configuration signing in to `smtp` with a token from
 * `tokens` for `provider` (Microsoft's authority being the token server), and turns email on.
 */
export async function saveOAuthSmtp(
  db: Database,
  smtp: TestSmtpServer,
  tokens: TestTokenServer,
  provider: OAuthProvider = 'microsoft',
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
    oauthProvider: provider,
    ...oauthFields(tokens, provider),
    caPem: smtp.caPem,
  });
  await db.delete(smtpSettings);
  const saved = await saveSmtpConfig(db, { form, actor: testSetupActor });
  if (!saved.ok) throw new Error(`the OAuth2 configuration was not saved: ${saved.reason}`);
  await db.update(smtpSettings).set({ enabled: true });
}
