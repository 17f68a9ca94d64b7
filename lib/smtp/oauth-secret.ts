import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getAppSecret } from '@/lib/secret/get-app-secret';

// Its own purpose: a client secret or private key never shares a key with the password.
const purpose = 'smtp-oauth-secret';

export function sealOAuthSecret(secret: string): string {
  return encryptSecret(secret, { secret: getAppSecret(), purpose });
}

export function openOAuthSecret(sealed: string): string {
  return decryptSecret(sealed, { secret: getAppSecret(), purpose });
}
