import 'server-only';
import { createHmac } from 'node:crypto';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getAppSecret } from '@/lib/secret/get-app-secret';
import type { OAuthSettings } from './oauth-settings';

const purpose = 'smtp-oauth-token';

export const sealToken = (token: string) =>
  encryptSecret(token, { secret: getAppSecret(), purpose });

export const openToken = (sealed: string) =>
  decryptSecret(sealed, { secret: getAppSecret(), purpose });

/**
 * Names a token source without revealing it: a keyed digest of everything that decides the
 * token, the secret included, so a new secret or mailbox never gets the old token.
 */
export function tokenSourceKey(settings: OAuthSettings): string {
  const decisive = [
    settings.provider,
    settings.authority,
    settings.tenant,
    settings.tokenUrl,
    settings.clientId,
    settings.scope,
    settings.secret,
    settings.mailbox,
  ];
  return createHmac('sha256', getAppSecret())
    .update(`smtp-oauth-source\0${JSON.stringify(decisive)}`)
    .digest('base64url');
}
