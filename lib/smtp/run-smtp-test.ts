import 'server-only';
import type { Database } from '@/db/database';
import { smtpLastTest } from '@/db/schema';
import { sendTestEmail, type SmtpTestReport, type TestMessage } from './send-test-email';
import type { SmtpConfig } from './smtp-config';
import { takeAttempts } from '@/lib/throttle/throttle';
import { getSmtpSettings } from './get-smtp-settings';
import { loadSmtpConfig } from './load-smtp-config';
import { oauthFromForm } from './oauth-from-form';
import { secretNeeded, type SecretNeeded } from './secret-needed';
import type { SmtpForm } from './smtp-form-schema';
import type { UserActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

// Each test opens a real connection from this server: a few per minute is plenty for an admin
// working on the form, and stops the button from being used to probe or flood a mail server.
const testsPerWindow = { limit: 10, windowMinutes: 10, blockMinutes: 10 };

export type RunSmtpTestResult =
  | { ok: true; report: SmtpTestReport }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  | ({ ok: false } & SecretNeeded);

/**
 * "Send test email" with the form's current values (saved or not); a blank password means the
 * stored one. The outcome is kept as the last test, for the page to show, and recorded in the
 * audit log (to whom, and the failing step when it failed) in the same transaction.
 */
export async function runSmtpTest(
  db: Database,
  options: {
    form: SmtpForm;
    to: string;
    actor: UserActor;
    message: TestMessage;
  },
): Promise<RunSmtpTestResult> {
  const { form } = options;
  const refusal = form.auth ? secretNeeded(form, await getSmtpSettings(db)) : null;
  if (refusal) return { ok: false, ...refusal };
  // Counted and decided in one statement, before the connection: of tests clicked at once in
  // several tabs, only the limit's worth run.
  const admission = await takeAttempts(db, [
    { key: `smtp-test:${options.actor.userId}`, ...testsPerWindow },
  ]);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const stored = form.auth ? await loadSmtpConfig(db) : null;
  const config: SmtpConfig = {
    host: form.host,
    port: form.port,
    senderName: form.senderName,
    senderEmail: form.senderEmail,
    ssl: form.ssl,
    starttls: form.starttls,
    auth: form.auth,
    username: form.auth ? (form.username?.trim() ?? '') : null,
    password: form.auth ? form.password || stored?.password || '' : null,
    caPem: form.caPem,
    oauth: oauthFromForm(form, stored?.oauth ?? null),
  };
  const report = await sendTestEmail({ config, to: options.to, message: options.message });
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
    await recordEvent(tx, options.actor, {
      type: 'smtp.testSent',
      target: { kind: 'smtp' },
      details: {
        to: options.to,
        host: form.host,
        delivered: report.ok,
        failedStep: report.ok ? null : report.diagnosis.step,
      },
    });
  });
  return { ok: true, report };
}
