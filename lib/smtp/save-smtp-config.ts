import 'server-only';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';
import type { SmtpForm } from './smtp-form-schema';
import { getSmtpSettings } from './get-smtp-settings';
import { sealSmtpPassword } from './smtp-password';
import { storedPasswordRefusal, type StoredPasswordRefusal } from './stored-password-rule';

/**
 * Stores the configuration. A blank password keeps the stored one; turning authentication off
 * forgets it. The SMTP switch is left as it was.
 */
export async function saveSmtpConfig(
  db: Database,
  options: { form: SmtpForm; userId: string },
): Promise<
  | { ok: true; version: string }
  | { ok: false; reason: 'passwordNeeded'; changed: StoredPasswordRefusal }
> {
  const { form } = options;
  const changed = storedPasswordRefusal(form, await getSmtpSettings(db));
  if (changed) return { ok: false, reason: 'passwordNeeded', changed };
  const typedPassword = form.password ? sealSmtpPassword(form.password) : undefined;
  const values = {
    host: form.host,
    port: form.port,
    senderName: form.senderName,
    senderEmail: form.senderEmail,
    ssl: form.ssl,
    starttls: form.starttls,
    auth: form.auth,
    username: form.auth ? (form.username?.trim() ?? null) : null,
    caPem: form.caPem,
    updatedAt: new Date(),
    updatedBy: options.userId,
  };
  const passwordChange = form.auth
    ? typedPassword !== undefined
      ? { passwordEncrypted: typedPassword }
      : {}
    : { passwordEncrypted: null };
  const [saved] = await db
    .insert(smtpSettings)
    .values({ id: 1, ...values, passwordEncrypted: form.auth ? (typedPassword ?? null) : null })
    .onConflictDoUpdate({ target: smtpSettings.id, set: { ...values, ...passwordChange } })
    .returning({ updatedAt: smtpSettings.updatedAt });
  return { ok: true, version: saved!.updatedAt.toISOString() };
}
