import 'server-only';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';
import { forgetTokens } from '@/lib/oauth/cached-token-source';
import type { SmtpForm } from './smtp-form-schema';
import { getSmtpSettings } from './get-smtp-settings';
import { loadSmtpConfig } from './load-smtp-config';
import { oauthFromForm } from './oauth-from-form';
import { sealOAuthSecret } from './oauth-secret';
import { sealSmtpPassword } from './smtp-password';
import { secretNeeded, type SecretNeeded } from './secret-needed';

/**
 * Stores the configuration. A blank password (or client secret, or key file) keeps the stored
 * one; only the way of signing in that is chosen keeps its secret, and turning authentication
 * off forgets both. Stored tokens are forgotten. The SMTP switch is left as it was.
 */
export async function saveSmtpConfig(
  db: Database,
  options: { form: SmtpForm; userId: string },
): Promise<{ ok: true; version: string } | ({ ok: false } & SecretNeeded)> {
  const { form } = options;
  const refusal = secretNeeded(form, await getSmtpSettings(db));
  if (refusal) return { ok: false, ...refusal };
  const stored = await loadSmtpConfig(db);
  const oauth = oauthFromForm(form, stored?.oauth ?? null);
  const withPassword = form.auth && !oauth;
  const typedPassword = withPassword && form.password ? sealSmtpPassword(form.password) : undefined;
  const values = {
    host: form.host,
    port: form.port,
    senderName: form.senderName,
    senderEmail: form.senderEmail,
    ssl: form.ssl,
    starttls: form.starttls,
    auth: form.auth,
    signIn: oauth ? ('oauth2' as const) : ('password' as const),
    username: form.auth ? (form.username?.trim() ?? null) : null,
    oauthProvider: oauth?.provider ?? null,
    oauthTenant: oauth?.tenant ?? null,
    oauthAuthority: oauth?.authority ?? null,
    oauthClientId: oauth?.clientId ?? null,
    oauthTokenUrl: oauth?.tokenUrl ?? null,
    oauthScope: oauth?.scope ?? null,
    oauthSecretEncrypted: oauth ? sealOAuthSecret(oauth.secret) : null,
    caPem: form.caPem,
    updatedAt: new Date(),
    updatedBy: options.userId,
  };
  const passwordChange = withPassword
    ? typedPassword !== undefined
      ? { passwordEncrypted: typedPassword }
      : {}
    : { passwordEncrypted: null };
  const [saved] = await db
    .insert(smtpSettings)
    .values({ id: 1, ...values, passwordEncrypted: typedPassword ?? null })
    .onConflictDoUpdate({ target: smtpSettings.id, set: { ...values, ...passwordChange } })
    .returning({ updatedAt: smtpSettings.updatedAt });
  await forgetTokens(db);
  return { ok: true, version: saved!.updatedAt.toISOString() };
}
