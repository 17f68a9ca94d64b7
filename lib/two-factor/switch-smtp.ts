import 'server-only';
import type { Database } from '@/db/database';
import { setSmtpEnabled, type SetSmtpEnabledResult } from '@/lib/smtp/set-smtp-enabled';
import { findEmailOnlyUsers } from './email-only-users';
import { readTwoFactorPolicy, twoFactorInUse } from './two-factor-policy';

/** How many of them the confirmation names. */
const namedUsers = 10;

export type SwitchSmtpResult =
  | SetSmtpEnabledResult
  /** Turning email off pauses the only method of these users: the admin confirms first. */
  | { ok: false; reason: 'emailOnlyUsers'; emails: string[]; total: number };

/**
 * The SMTP switch, minding two-factor sign-in: turning email off while some users sign in only
 * with emailed codes asks to confirm, naming them. Confirmed, their codes pause; nobody is
 * locked out (they sign in with a recovery code, and the sign-in page tells them).
 */
export async function switchSmtp(
  db: Database,
  options: Parameters<typeof setSmtpEnabled>[1] & { confirmed: boolean },
): Promise<SwitchSmtpResult> {
  if (!options.enabled && !options.confirmed && twoFactorInUse(await readTwoFactorPolicy(db))) {
    const affected = await findEmailOnlyUsers(db, { limit: namedUsers });
    if (affected.total > 0) return { ok: false, reason: 'emailOnlyUsers', ...affected };
  }
  return setSmtpEnabled(db, options);
}
