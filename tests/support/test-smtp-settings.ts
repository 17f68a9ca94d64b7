import { encryptSecret } from '@/lib/crypto/secret-box';
import type { Database } from '@/db/database';
import { smtpSettings as smtpSettingsTable } from '@/db/schema';
import type { SmtpCredentials, TestSmtpServer } from './smtp-server';

/**
 * The saved SMTP configuration, switched on, that sends through a harness server in implicit
 * TLS mode with AUTH: the row tests and benchmarks insert before emails can flow.
 */
export function testSmtpSettings(
  server: TestSmtpServer,
  options: { credentials: SmtpCredentials; appSecret: string },
): typeof smtpSettingsTable.$inferInsert {
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

/**
 * Saves an SMTP configuration that never connects (smtp.invalid) with the switch on or off:
 * for tests of what gets queued, where nothing is meant to be sent.
 */
export async function setUnreachableSmtp(db: Database, enabled: boolean): Promise<void> {
  await db.delete(smtpSettingsTable);
  await db.insert(smtpSettingsTable).values({
    host: 'smtp.invalid',
    port: 587,
    senderName: 'Nordlicht',
    senderEmail: 'noreply@nordlicht.test',
    ssl: false,
    starttls: true,
    auth: false,
    enabled,
  });
}
