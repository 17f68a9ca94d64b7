import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { toBase32 } from './base32';

// RFC 6238 with the parameters every authenticator app assumes when the otpauth URI names
// none: HMAC-SHA1, 30-second steps, 6 digits.
const totpStepSeconds = 30;
const digits = 6;

/** 160 random bits, the size RFC 4226 recommends for an HMAC-SHA1 key. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** The time step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / totpStepSeconds);
}

/** The code for one step (RFC 4226's HOTP over the step counter). */
export function totpCode(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The step whose code `code` is, within one step either side of `at` (a phone's clock a little
 * off), and only after `lastUsedStep`: each code is accepted once. Null when none matches.
 */
export function matchTotpStep(
  secret: Buffer,
  code: string,
  { at, lastUsedStep }: { at: Date; lastUsedStep: number | null },
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(at);
  for (const step of [now - 1, now, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (timingSafeEqual(Buffer.from(totpCode(secret, step)), Buffer.from(code))) return step;
  }
  return null;
}

/** The otpauth URI an authenticator app scans: the host's name as issuer, the email as label. */
export function totpUri(secret: Buffer, { issuer, email }: { issuer: string; email: string }) {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({
    secret: toBase32(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(digits),
    period: String(totpStepSeconds),
  });
  return `otpauth://totp/${label}?${query}`;
}
