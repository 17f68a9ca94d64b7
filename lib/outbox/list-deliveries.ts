import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';
import { accessLinksIn } from './email-links';
import { openPayload } from './outbox-payload';

export const deliveryStatuses = [
  'queued',
  'sending',
  'sent',
  'failed',
  'held',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface DeliveryRow {
  id: string;
  recipient: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: SmtpDiagnosis | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** Whether Resend applies: a failed or held email whose content is still kept. */
  resendable: boolean;
  /**
   * A held email's invitation or reset links, for the host admin to share by hand (it was not
   * emailed); empty for every other email.
   */
  heldLinks: string[];
}

/**
 * The delivery log, newest first. Never the content (it holds live links), except the links
 * of held emails: nobody else will get those.
 */
export async function listDeliveries(
  db: Database,
  options: { status?: DeliveryStatus; limit?: number } = {},
): Promise<DeliveryRow[]> {
  const rows = await db
    .select({
      id: outbox.id,
      recipient: outbox.recipient,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      updatedAt: outbox.updatedAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
      payload: outbox.payloadEncrypted,
    })
    .from(outbox)
    .where(options.status ? eq(outbox.status, options.status) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(options.limit ?? 200);
  return rows.map(({ payload, ...row }) => ({
    ...row,
    lastError: (row.lastError as SmtpDiagnosis | null) ?? null,
    resendable: (row.status === 'failed' || row.status === 'held') && payload !== null,
    heldLinks: row.status === 'held' && payload ? heldLinksIn(payload) : [],
  }));
}

function heldLinksIn(sealed: string): string[] {
  try {
    return accessLinksIn(openPayload(sealed).text);
  } catch (error) {
    // Unreadable (APP_SECRET changed since): the row still shows as held, without its link.
    console.error('A held email could not be decrypted for the delivery log:', error);
    return [];
  }
}
