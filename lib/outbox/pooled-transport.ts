import 'server-only';
import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { createSmtpTransport } from '@/lib/smtp/create-transport';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';

// One pooled transport per saved configuration, kept between drains: reconnecting for every
// email would cost a TCP and TLS handshake each. A changed configuration closes the old pool.
const processWide = globalThis as typeof globalThis & {
  gatehouseMailPool?: { key: string; transport: Transporter };
};

export function pooledTransportFor(config: SmtpConfig): Transporter {
  const key = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  if (processWide.gatehouseMailPool?.key !== key) {
    processWide.gatehouseMailPool?.transport.close();
    processWide.gatehouseMailPool = {
      key,
      transport: createSmtpTransport(config, { pool: true, maxConnections: 3, maxMessages: 100 }),
    };
  }
  return processWide.gatehouseMailPool.transport;
}

export function closePooledTransport(): void {
  processWide.gatehouseMailPool?.transport.close();
  processWide.gatehouseMailPool = undefined;
}
