import 'server-only';
import type { Database } from '@/db/database';
import { activeMailAllowlist, allowsRecipient } from '@/lib/mail/allowlist';
import { diagnoseSmtpError } from '@/lib/smtp/diagnose-smtp-error';
import { cachedTokenSource } from '@/lib/oauth/cached-token-source';
import { TokenUnavailableError } from '@/lib/oauth/token-failure';
import { fromAddress, signsInWithToken } from '@/lib/smtp/smtp-config';
import { loadSmtpConfig } from '@/lib/smtp/load-smtp-config';
import { storeNoticedCertificate } from '@/lib/smtp/server-certificate';
import { claimEmails, type ClaimedEmail } from './claim-emails';
import { openPayload } from './outbox-payload';
import { pooledTransportFor } from './pooled-transport';
import { isPermanentFailure, maxAttempts, retryDelayMs } from './retry-policy';
import { recordSent } from './record-sent';
import { markFailed, markHeld, scheduleRetry } from './settle-email';
import { metrics } from '@/lib/metrics/registry';
import { log } from '@/lib/log/logger';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';

export interface DrainResult {
  sent: number;
  failed: number;
  retrying: number;
  /** True when the SMTP switch is off or nothing is saved: sending waits. */
  paused: boolean;
}

function refusedToken(error: unknown): boolean {
  return (
    !(error instanceof TokenUnavailableError) && (error as { code?: string })?.code === 'EAUTH'
  );
}

/** What a failure's log line says: the email by id (not its address), the step and the code. */
function failureFields(email: ClaimedEmail, diagnosis: SmtpDiagnosis) {
  return {
    emailId: email.id,
    attempt: email.attempts + 1,
    step: diagnosis.step,
    advice: diagnosis.advice,
    smtpCode: diagnosis.code,
  };
}

/**
 * Sends every email that is due, batch by batch, until none is left. Safe to run in several
 * processes at once: each claims its own rows. With the switch off it sends nothing.
 */
export async function drainOutbox(
  db: Database,
  options: { batchSize?: number; leaseMs?: number } = {},
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retrying: 0, paused: false };
  const config = await loadSmtpConfig(db);
  if (!config?.enabled) return { ...result, paused: true };
  const { transport, tokens } = pooledTransportFor(
    config,
    signsInWithToken(config) ? () => cachedTokenSource(db, config.oauth!) : undefined,
  );
  const from = fromAddress(config);
  const allowlist = activeMailAllowlist();

  async function send(email: ClaimedEmail, retryUntil: number) {
    // Queued before the allow-list applied (a preview's database copied from production, or
    // the list was narrowed): held now rather than sent.
    if (!allowsRecipient(allowlist, email.recipient)) return markHeld(db, email);
    let messageId: string;
    try {
      if (!email.payloadEncrypted) throw new Error('the email has no content left to send');
      const content = openPayload(email.payloadEncrypted);
      const message = { from, to: email.recipient, ...content };
      const renewalsBefore = tokens?.renewals ?? 0;
      try {
        messageId = (await transport.sendMail(message)).messageId;
      } catch (error) {
        // A token the server refused outright (Microsoft answers 535 without a challenge, so
        // nodemailer does not renew it itself): renew it and sign in once more.
        if (!tokens || !refusedToken(error) || tokens.renewals !== renewalsBefore) throw error;
        await tokens.token(true);
        messageId = (await transport.sendMail(message)).messageId;
      }
    } catch (error) {
      const diagnosis = diagnoseSmtpError(error, config!, { recipient: email.recipient });
      if (isPermanentFailure(error) || email.attempts >= maxAttempts || !email.payloadEncrypted) {
        await markFailed(db, email, diagnosis);
        result.failed++;
        log.warn(failureFields(email, diagnosis), `Email ${email.id} failed: ${diagnosis.advice}`);
        metrics().emailSends.inc({ outcome: 'failed', step: diagnosis.step });
      } else {
        await scheduleRetry(db, email, diagnosis, retryDelayMs(email.attempts));
        result.retrying++;
        log.warn(
          failureFields(email, diagnosis),
          `Email ${email.id} will be retried: ${diagnosis.advice}`,
        );
        metrics().emailSends.inc({ outcome: 'retry', step: diagnosis.step });
      }
      return;
    }
    // Outside the send's try: once the server has the email, nothing here may count as a
    // failed send, or it would be sent again.
    if (await recordSent(db, email, messageId, { retryUntil })) {
      result.sent++;
      log.info({ emailId: email.id, messageId }, `Email ${email.id} sent`);
      metrics().emailSends.inc({ outcome: 'sent', step: '' });
    }
  }

  const leaseMs = options.leaseMs ?? 120_000;
  for (;;) {
    // Recording a sent email is retried within its lease, with a tenth of it to spare.
    const retryUntil = Date.now() + leaseMs * 0.9;
    const batch = await claimEmails(db, { limit: options.batchSize ?? 50, leaseMs });
    if (batch.length === 0) break;
    // The pool bounds how many go out at once; the rest wait for a free connection.
    await Promise.all(batch.map((email) => send(email, retryUntil)));
  }
  // What the connections' handshakes saw, stored now that none is waiting on the database.
  await storeNoticedCertificate(db);
  return result;
}
