import { createSign } from 'node:crypto';

export const googleMailScope = 'https://mail.google.com/';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The signed assertion a Google service account exchanges for a token (RFC 7523): issued by
 * the service account, for the mailbox it acts as through domain-wide delegation.
 */
export function serviceAccountAssertion(options: {
  clientEmail: string;
  privateKeyPem: string;
  tokenUri: string;
  mailbox: string;
  now?: Date;
}): string {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: options.clientEmail,
      sub: options.mailbox,
      scope: googleMailScope,
      aud: options.tokenUri,
      iat: issuedAt,
      // Google's longest: an hour.
      exp: issuedAt + 3600,
    }),
  );
  const signature = createSign('RSA-SHA256')
    .update(`${header}.${claims}`)
    .sign(options.privateKeyPem);
  return `${header}.${claims}.${base64url(signature)}`;
}
