import 'server-only';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { getAppSecret } from '@/lib/secret/get-app-secret';

/** How long an emailed code works. */
export const emailCodeLifetimeMs = 10 * 60_000;
/** The least time between two codes for the same sign-in or set-up ("Send a new code"). */
export const emailCodeResendAfterMs = 30_000;

export function newEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * What the database keeps of an emailed code: an HMAC under the app secret, bound to what it
 * was sent for (one challenge, or one user's set-up). Six digits alone would be undone by
 * trying all million; without the app secret nobody can.
 */
export function hashEmailCode(code: string, scope: string): string {
  return createHmac('sha256', getAppSecret())
    .update(`two-factor-email-code:${scope}:${code}`)
    .digest('hex');
}

/** The digits of a code as typed ("123 456", "123-456"); null for anything but six digits. */
export function readEmailCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** Whether `code` is the one behind `hash` (constant time). */
export function emailCodeMatches(code: string | null, hash: string | null, scope: string): boolean {
  if (!code || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = Buffer.from(hashEmailCode(code, scope), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
