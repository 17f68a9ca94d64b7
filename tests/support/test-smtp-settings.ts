import { encryptSecret } from '@/lib/crypto/secret-box';
import type { smtpSettings } from '@/db/schema';
import type { SmtpCredentials, TestSmtpServer } from './smtp-server';

/**
 * The saved SMTP configuration, switched on, that sends through a harness server in implicit
 * TLS mode with AUTH: the row tests and benchmarks insert before emails can flow.
 */
export function testSmtpSettings(
  server: TestSmtpServer,
  options: { credentials: SmtpCredentials; appSecret: string },
): typeof smtpSettings.$inferInsert {
  return {
    host: server.host,
    port: server.port,
    senderName: 'Nordlicht',
    senderEmail: 'noreply@nordlicht.test',
    ssl: true,
    starttls: false,
    auth: true,
    username: options.credentials.user,
    passwordEncrypted: encryptSecret(options.credentials.pass, {
      secret: options.appSecret,
      purpose: 'smtp-password',
    }),
    caPem: server.caPem,
    enabled: true,
  };
}
