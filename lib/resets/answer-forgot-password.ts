import 'server-only';
import type { Database } from '@/db/database';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { takeAttempts, type ThrottleRule } from '@/lib/throttle/throttle';

// Per address it stops flooding one inbox; per client it stops probing many addresses. The
// client comes first: a client already refused uses up nobody's address.
function rules(email: string, clientAddress: string | null): ThrottleRule[] {
  const window = { windowMinutes: 15, blockMinutes: 15 };
  const list: ThrottleRule[] = [];
  if (clientAddress) list.push({ key: `forgot:client:${clientAddress}`, limit: 10, ...window });
  list.push({ key: `forgot:email:${email}`, limit: 3, ...window });
  return list;
}

export type ForgotPasswordAnswer =
  | { ok: true }
  | { ok: false; reason: 'smtpOff' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * The part of "Forgot password" that answers: the same for every address, known or not. It
 * checks the SMTP switch and the throttle and counts the request; whether the address
 * belongs to anyone is looked at only afterwards, in `sendSelfServiceReset`, which the caller
 * runs after the response so the answer takes the same time either way.
 */
export async function answerForgotPassword(
  db: Database,
  options: { email: string; clientAddress: string | null },
): Promise<ForgotPasswordAnswer> {
  if (!(await isSmtpEnabled(db))) return { ok: false, reason: 'smtpOff' };
  const admission = await takeAttempts(db, rules(options.email, options.clientAddress));
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
  return { ok: true };
}
