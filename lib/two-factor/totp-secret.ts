import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getAppSecret } from '@/lib/secret/get-app-secret';

// Sealed at rest like the SMTP password, under a key of its own purpose.
const purpose = 'totp-secret';

export function sealTotpSecret(secret: Buffer): string {
  return encryptSecret(secret.toString('base64'), { secret: getAppSecret(), purpose });
}

export function openTotpSecret(sealed: string): Buffer {
  return Buffer.from(decryptSecret(sealed, { secret: getAppSecret(), purpose }), 'base64');
}
