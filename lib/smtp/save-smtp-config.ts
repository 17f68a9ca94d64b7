import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';
import { forgetTokens } from '@/lib/oauth/cached-token-source';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changedFields } from '@/lib/audit/changed-fields';
import { recordEvent } from '@/lib/audit/record-event';
import type { SmtpForm } from './smtp-form-schema';
import { getSmtpSettings } from './get-smtp-settings';
import { loadSmtpConfig } from './load-smtp-config';
import { oauthFromForm } from './oauth-from-form';
import { sealOAuthSecret } from './oauth-secret';
import { sealSmtpPassword } from './smtp-password';
import { secretNeeded, type SecretNeeded } from './secret-needed';
import type { SmtpConfig } from './smtp-config';
import { environmentSmtp } from './environment-smtp';

/**
 * What the audit log compares between two saves: every field, the secrets in plain text (server
 * memory only; the event says only whether they changed) and the CA certificate (too long to
 * quote) likewise.
 */
function auditedFields(config: SmtpConfig | null) {
  return {
    host: config?.host ?? null,
    port: config?.port ?? null,
    senderName: config?.senderName ?? null,
    senderEmail: config?.senderEmail ?? null,
    ssl: config?.ssl ?? null,
    starttls: config?.starttls ?? null,
    auth: config?.auth ?? null,
    signIn: config ? (config.oauth ? 'oauth2' : 'password') : null,
    username: config?.username ?? null,
    oauthProvider: config?.oauth?.provider ?? null,
    oauthClientId: config?.oauth?.clientId ?? null,
    oauthTenant: config?.oauth?.tenant ?? null,
    oauthAuthority: config?.oauth?.authority ?? null,
    oauthTokenUrl: config?.oauth?.tokenUrl ?? null,
    oauthScope: config?.oauth?.scope ?? null,
    caPem: config?.caPem ?? null,
    password: config?.password ?? null,
    oauthSecret: config?.oauth?.secret || null,
  };
}
const unquotedFields = ['caPem', 'password', 'oauthSecret'] as const;

/**
 * Stores the configuration. A blank password (or client secret, or key file) keeps the stored
 * one; only the way of signing in that is chosen keeps its secret, and turning authentication
 * off forgets both. Stored tokens are forgotten. The SMTP switch is left as it was. The audit
 * log records which fields changed, in the same transaction. Refused while the environment
 * sets the configuration.
 */
export async function saveSmtpConfig(
  db: Database,
  options: { form: SmtpForm; actor: AuditActor },
): Promise<
  | { ok: true; version: string }
  | ({ ok: false } & SecretNeeded)
  | { ok: false; reason: 'setByEnvironment' }
> {
  const { form, actor } = options;
  // The environment wins: a save now would store what nothing uses (and a replayed form could).
  if (environmentSmtp()) return { ok: false, reason: 'setByEnvironment' };
  const refusal = secretNeeded(form, await getSmtpSettings(db));
  if (refusal) return { ok: false, ...refusal };
  return db.transaction(async (tx) => {
    // Locked, so two saves at once each record what they changed from the other's values.
    await tx
      .select({ id: smtpSettings.id })
      .from(smtpSettings)
      .where(eq(smtpSettings.id, 1))
      .for('update');
    const stored = await loadSmtpConfig(tx);
    return { ok: true as const, version: await store(tx, form, stored, actor) };
  });
}

async function store(
  tx: Database,
  form: SmtpForm,
  stored: Awaited<ReturnType<typeof loadSmtpConfig>>,
  actor: AuditActor,
): Promise<string> {
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
    updatedBy: actor.kind === 'user' ? actor.userId : null,
  };
  const passwordChange = withPassword
    ? typedPassword !== undefined
      ? { passwordEncrypted: typedPassword }
      : {}
    : { passwordEncrypted: null };
  const [saved] = await tx
    .insert(smtpSettings)
    .values({ id: 1, ...values, passwordEncrypted: typedPassword ?? null })
    .onConflictDoUpdate({ target: smtpSettings.id, set: { ...values, ...passwordChange } })
    .returning({ updatedAt: smtpSettings.updatedAt });
  await forgetTokens(tx);
  const after = await loadSmtpConfig(tx);
  await recordEvent(tx, actor, {
    type: 'smtp.saved',
    target: { kind: 'smtp' },
    details: changedFields(auditedFields(stored), auditedFields(after), unquotedFields),
  });
  return saved!.updatedAt.toISOString();
}
