import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';
import type { SmtpConfig } from './smtp-config';
import { openOAuthSecret } from './oauth-secret';
import { openSmtpPassword } from './smtp-password';
import { environmentSmtp, environmentSmtpSwitch } from './environment-smtp';

/**
 * The configuration in force, for sending: the environment's when it sets one, otherwise the
 * saved one with its password (or OAuth2 secret) decrypted. Server memory only.
 */
export async function loadSmtpConfig(
  db: Database,
): Promise<(SmtpConfig & { enabled: boolean }) | null> {
  const environment = environmentSmtp();
  if (environment) return { ...environment.config, enabled: environment.enabled };
  const [row] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, 1));
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    ssl: row.ssl,
    starttls: row.starttls,
    auth: row.auth,
    username: row.username,
    password: row.passwordEncrypted ? openSmtpPassword(row.passwordEncrypted) : null,
    caPem: row.caPem,
    oauth:
      row.auth && row.signIn === 'oauth2' && row.oauthProvider
        ? {
            provider: row.oauthProvider,
            tenant: row.oauthTenant,
            authority: row.oauthAuthority,
            clientId: row.oauthClientId ?? '',
            tokenUrl: row.oauthTokenUrl,
            scope: row.oauthScope,
            secret: row.oauthSecretEncrypted ? openOAuthSecret(row.oauthSecretEncrypted) : '',
            mailbox: row.username ?? '',
          }
        : null,
    enabled: environmentSmtpSwitch() ?? row.enabled,
  };
}
