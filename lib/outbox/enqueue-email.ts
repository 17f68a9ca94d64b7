import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import { activeMailAllowlist, allowsRecipient } from '@/lib/mail/allowlist';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import type { EmailKind } from './email-kinds';
import { sealPayload, type EmailContent } from './outbox-payload';
import type { Locale } from '@/lib/i18n/locales';

export interface EmailToQueue {
  recipient: string;
  recipientUserId?: string | null;
  kind: EmailKind;
  language: Locale;
  content: EmailContent;
  /** Emails with the same key replace each other (e.g. `invitation:<user id>`). */
  supersedeKey?: string;
}

/**
 * Queues an email inside the caller's transaction, so it exists exactly when the change that
 * causes it does. With the SMTP switch off nothing is queued: the admin shares the link by
 * hand. An email to an address the deployment's allow-list does not allow is stored `held`:
 * never sent, its link shown in the delivery log. Returns the email's id, or null when nothing
 * was queued.
 */
export async function enqueueEmail(tx: Database, email: EmailToQueue): Promise<string | null> {
  // An older email this one replaces is cancelled even with the switch off: its link is dead,
  // and it must not go out once email is turned back on.
  if (email.supersedeKey) {
    await tx
      .update(outbox)
      .set({ status: 'cancelled', payloadEncrypted: null, updatedAt: new Date() })
      .where(
        and(
          eq(outbox.supersedeKey, email.supersedeKey),
          inArray(outbox.status, ['queued', 'failed', 'held']),
        ),
      );
  }
  if (!(await isSmtpEnabled(tx))) return null;
  const [row] = await tx
    .insert(outbox)
    .values({
      recipient: email.recipient,
      recipientUserId: email.recipientUserId ?? null,
      kind: email.kind,
      language: email.language,
      payloadEncrypted: sealPayload(email.content),
      supersedeKey: email.supersedeKey ?? null,
      status: allowsRecipient(activeMailAllowlist(), email.recipient) ? 'queued' : 'held',
    })
    .returning({ id: outbox.id });
  return row!.id;
}
