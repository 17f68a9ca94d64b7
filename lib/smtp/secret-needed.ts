import type { SmtpSettingsView } from './get-smtp-settings';
import type { SmtpForm } from './smtp-form-schema';
import { storedSecretRefusal, type StoredSecretRefusal } from './stored-oauth-secret-rule';
import { storedPasswordRefusal, type StoredPasswordRefusal } from './stored-password-rule';

/** Why a blank secret field may not stand for the stored one (answered beside that field). */
export type SecretNeeded =
  | { reason: 'passwordNeeded'; changed: StoredPasswordRefusal }
  | { reason: 'secretNeeded'; changed: StoredSecretRefusal };

/** The stored-secret rules for a form: null when every blank secret may be the stored one. */
export function secretNeeded(form: SmtpForm, saved: SmtpSettingsView | null): SecretNeeded | null {
  const password = storedPasswordRefusal(form, saved);
  if (password) return { reason: 'passwordNeeded', changed: password };
  const secret = storedSecretRefusal(form, saved);
  if (secret) return { reason: 'secretNeeded', changed: secret };
  return null;
}
