import { smtpSettings } from '@/db/schema';
import { e2eAppSecret } from './e2e-users';
import { startOwnInstance, type OwnInstance } from './own-instance';
import type { ReceivedMessage } from './received-message';
import { startTestSmtpServer, type SmtpFault, type TestSmtpServer } from './smtp-server';
import { testSmtpSettings } from './test-smtp-settings';

const smtpUser = { user: 'mailer@nordlicht.test', pass: 'app-password-7c40d2' };

export interface InstanceWithSmtp extends OwnInstance {
  /** The harness SMTP server (implicit TLS, AUTH) the instance's saved settings send through. */
  smtp: TestSmtpServer;
  /** The first message to `email` that is not one of `except`, waiting up to 15 s for it. */
  mailTo(email: string, except?: ReceivedMessage[]): Promise<ReceivedMessage>;
  /** Closes the SMTP server, then stops the instance and drops its database. */
  stop(): Promise<void>;
}

/**
 * An app instance of the spec's own (see startOwnInstance) with the SMTP switch on: its saved
 * settings send through a harness SMTP server started beside it, so emails really go out.
 * Its own instance because the SMTP configuration belongs to the whole instance.
 */
export async function startInstanceWithSmtp(
  label: string,
  options: { env?: Record<string, string>; fault?: SmtpFault } = {},
): Promise<InstanceWithSmtp> {
  const instance = await startOwnInstance(label, options.env);
  let smtp: TestSmtpServer | undefined;
  const stop = async () => {
    await smtp?.close();
    await instance.stop();
  };
  try {
    smtp = await startTestSmtpServer({ mode: 'tls', auth: smtpUser, fault: options.fault ?? null });
    await instance.database.db
      .insert(smtpSettings)
      .values(testSmtpSettings(smtp, { credentials: smtpUser, appSecret: e2eAppSecret }));
  } catch (error) {
    await stop();
    throw error;
  }
  const server = smtp;
  return {
    ...instance,
    smtp: server,
    mailTo: (email, except = []) =>
      server.waitForMessage(
        (message) => message.envelope.rcptTo.includes(email) && !except.includes(message),
        15_000,
      ),
    stop,
  };
}
