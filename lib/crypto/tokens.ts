import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token for links and session cookies, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table yields no usable link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `text` has the shape `newToken()` gives; anything else (tampered, cut) is not ours. */
export function isWellFormedToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}
