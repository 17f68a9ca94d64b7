import 'server-only';
import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { createSmtpTransport } from '@/lib/smtp/create-transport';
import type { TokenSource } from '@/lib/oauth/token-source';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';
import { noticingCertificate } from '@/lib/smtp/server-certificate';

// One pooled transport per saved configuration, kept between drains: reconnecting for every
// email would cost a TCP and TLS handshake each. A changed configuration closes the old pool.
const processWide = globalThis as typeof globalThis & {
  gatehouseMailPool?: { key: string; transport: Transporter; tokens?: TokenSource };
};

/**
 * The pool for `config`, and the token source its connections sign in with (OAuth2 only),
 * which `tokensFor` makes once per pool.
 */
export function pooledTransportFor(
  config: SmtpConfig,
  tokensFor?: () => TokenSource,
): { transport: Transporter; tokens?: TokenSource } {
  const key = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  if (processWide.gatehouseMailPool?.key !== key) {
    processWide.gatehouseMailPool?.transport.close();
    const tokens = tokensFor?.();
    processWide.gatehouseMailPool = {
      key,
      tokens,
      transport: createSmtpTransport(
        config,
        // Each connection's certificate is noted, for the warning before it expires.
        {
          pool: true,
          maxConnections: 3,
          maxMessages: 100,
          tls: { checkServerIdentity: noticingCertificate(config) },
        },
        tokens,
      ),
    };
  }
  return processWide.gatehouseMailPool;
}

export function closePooledTransport(): void {
  processWide.gatehouseMailPool?.transport.close();
  processWide.gatehouseMailPool = undefined;
}
