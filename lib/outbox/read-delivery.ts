import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';
import type { DeliveryStatus } from './list-deliveries';

export interface Delivery {
  status: DeliveryStatus;
  attempts: number;
  lastError: SmtpDiagnosis | null;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** Where one email stands now (for the status shown beside a link that was emailed). */
export async function readDelivery(db: Database, id: string): Promise<Delivery | null> {
  const [row] = await db
    .select({
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .where(eq(outbox.id, id))
    .limit(1);
  return row ? { ...row, lastError: row.lastError as SmtpDiagnosis | null } : null;
}
