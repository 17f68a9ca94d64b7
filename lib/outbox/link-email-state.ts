import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, outbox } from '@/db/schema';
import type { Translate } from '@/lib/i18n/translate';
import { readDelivery } from './read-delivery';

/**
 * Where an emailed link (invitation or reset) stands, for the dialog that showed the link; the
 * last problem is translated. With `accountId`, only emails to that account's users are told
 * (an account admin follows their own invitations, nobody else's). Null when not found.
 */
export async function linkEmailState(
  db: Database,
  t: Translate,
  options: { emailId: string; accountId?: string },
) {
  if (options.accountId) {
    const [recipient] = await db
      .select({ id: outbox.id })
      .from(outbox)
      .innerJoin(accountMemberships, eq(accountMemberships.userId, outbox.recipientUserId))
      .where(
        and(eq(outbox.id, options.emailId), eq(accountMemberships.accountId, options.accountId)),
      )
      .limit(1);
    if (!recipient) return null;
  }
  const delivery = await readDelivery(db, options.emailId);
  if (!delivery) return null;
  const problem =
    delivery.lastError && delivery.status !== 'sent'
      ? t(
          `smtpDiagnosis.advice.${delivery.lastError.advice}` as 'smtpDiagnosis.advice.unexpected',
          delivery.lastError.values as never,
        )
      : null;
  return {
    status: delivery.status,
    attempts: delivery.attempts,
    problem,
    sentAt: delivery.sentAt,
    nextAttemptAt: delivery.nextAttemptAt,
  };
}

export type LinkEmailState = NonNullable<Awaited<ReturnType<typeof linkEmailState>>>;
