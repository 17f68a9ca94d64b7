import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM with a key derived (HKDF-SHA256) from the app secret for one purpose, so the
// same secret never directly keys two different uses.
const version = 'v1';

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'gatehouse', purpose, 32));
}

export function encryptSecret(
  plaintext: string,
  options: { secret: string; purpose: string },
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(options.secret, options.purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  return `${version}:${sealed}`;
}

/** Throws when the value was tampered with or sealed under another secret. */
export function decryptSecret(
  sealed: string,
  options: { secret: string; purpose: string },
): string {
  const [prefix, body] = sealed.split(':');
  if (prefix !== version || !body) throw new Error('unknown encrypted value format');
  const raw = Buffer.from(body, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyFor(options.secret, options.purpose),
    raw.subarray(0, 12),
  );
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
