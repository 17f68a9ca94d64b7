import 'server-only';
import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { createSmtpTransport } from '@/lib/smtp/create-transport';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';

// One pooled transport per saved configuration, kept between drains: reconnecting for every
// email would cost a TCP and TLS handshake each. A changed configuration closes the old pool.
const holder = globalThis as typeof globalThis & {
  gatehouseMailPool?: { key: string; transport: Transporter };
};

export function pooledTransportFor(config: SmtpConfig): Transporter {
  const key = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  if (holder.gatehouseMailPool?.key !== key) {
    holder.gatehouseMailPool?.transport.close();
    holder.gatehouseMailPool = {
      key,
      transport: createSmtpTransport(config, { pool: true, maxConnections: 3, maxMessages: 100 }),
    };
  }
  return holder.gatehouseMailPool.transport;
}

export function closePooledTransport(): void {
  holder.gatehouseMailPool?.transport.close();
  holder.gatehouseMailPool = undefined;
}
