import 'server-only';
import type { Database } from '@/db/database';
import { smtpLastTest } from '@/db/schema';
import { sendTestEmail, type SmtpTestReport, type TestMessage } from './send-test-email';
import type { SmtpConfig } from './smtp-config';
import { takeAttempts } from '@/lib/throttle/throttle';
import { getSmtpSettings } from './get-smtp-settings';
import { loadSmtpConfig } from './load-smtp-config';
import { configFromForm } from './config-from-form';
import { secretNeeded, type SecretNeeded } from './secret-needed';
import type { SmtpForm } from './smtp-form-schema';
import type { UserActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import { environmentSmtp } from './environment-smtp';
import { storeServerCertificate } from './server-certificate';

// Each test opens a real connection from this server: a few per minute is plenty for an admin
// working on the form, and stops the button from being used to probe or flood a mail server.
const testsPerWindow = { limit: 10, windowMinutes: 10, blockMinutes: 10 };

export type RunSmtpTestResult =
  | { ok: true; report: SmtpTestReport }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  | ({ ok: false } & SecretNeeded)
  | { ok: false; reason: 'notSetByEnvironment' };

/**
 * "Send test email" with the form's current values (saved or not); a blank password means the
 * stored one. While the environment sets the configuration, with that (`form` is null from its
 * read-only page; a form sent anyway is not used: the environment wins, as when sending). The outcome is kept as the last test, for the page to show, and recorded in the
 * audit log (to whom, and the failing step when it failed) in the same transaction.
 */
export async function runSmtpTest(
  db: Database,
  options: {
    form: SmtpForm | null;
    to: string;
    actor: UserActor;
    message: TestMessage;
  },
): Promise<RunSmtpTestResult> {
  const environment = environmentSmtp();
  const { form } = options;
  if (!environment && !form) return { ok: false, reason: 'notSetByEnvironment' };
  const refusal = !environment && form?.auth ? secretNeeded(form, await getSmtpSettings(db)) : null;
  if (refusal) return { ok: false, ...refusal };
  // Counted and decided in one statement, before the connection: of tests clicked at once in
  // several tabs, only the limit's worth run.
  const admission = await takeAttempts(db, [
    { key: `smtp-test:${options.actor.userId}`, ...testsPerWindow },
  ]);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const config =
    environment?.config ?? configFromForm(form!, form!.auth ? await loadSmtpConfig(db) : null);
  const report = await sendTestEmail({ config, to: options.to, message: options.message });
  await recordTest(db, { to: options.to, actor: options.actor, config, report });
  return { ok: true, report };
}

/** Kept as the last test, for the page to show, and in the audit log, in one transaction. */
async function recordTest(
  db: Database,
  options: { to: string; actor: UserActor; config: SmtpConfig; report: SmtpTestReport },
) {
  const { report, config } = options;
  const row = {
    ok: report.ok,
    recipient: options.to,
    report,
    testedAt: new Date(),
    testedBy: options.actor.userId,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(smtpLastTest)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: smtpLastTest.id, set: row });
    // The server's certificate as the test saw it: the expiry warning need not wait for mail.
    const certificate = report.details.tls?.certificate;
    if (certificate) {
      await storeServerCertificate(tx, { host: config.host, port: config.port, certificate });
    }
    await recordEvent(tx, options.actor, {
      type: 'smtp.testSent',
      target: { kind: 'smtp' },
      details: {
        to: options.to,
        host: config.host,
        delivered: report.ok,
        failedStep: report.ok ? null : report.diagnosis.step,
      },
    });
  });
}
