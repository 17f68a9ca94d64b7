import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getAppSecret } from '@/lib/secret/get-app-secret';

/** What an email says; encrypted at rest because it holds a live link. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

const purpose = 'outbox-payload';

export function sealPayload(content: EmailContent): string {
  return encryptSecret(JSON.stringify(content), { secret: getAppSecret(), purpose });
}

export function openPayload(sealed: string): EmailContent {
  return JSON.parse(decryptSecret(sealed, { secret: getAppSecret(), purpose })) as EmailContent;
}
