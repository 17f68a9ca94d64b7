import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getAppSecret } from '@/lib/secret/get-app-secret';

const purpose = 'smtp-password';

export function sealSmtpPassword(password: string): string {
  return encryptSecret(password, { secret: getAppSecret(), purpose });
}

export function openSmtpPassword(sealed: string): string {
  return decryptSecret(sealed, { secret: getAppSecret(), purpose });
}
