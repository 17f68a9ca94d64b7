import 'server-only';
import type { Database } from '@/db/database';
import { invitations } from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import type { PreparedInvitation } from './prepare-invitation';
import type { Locale } from '@/lib/i18n/locales';

/** Stores a prepared link for `userId` (only its hash) and queues its email when SMTP is on. */
export async function storeInvitation(
  tx: Database,
  invitee: { userId: string; email: string; language: Locale },
  prepared: PreparedInvitation,
  createdBy: string,
): Promise<string | null> {
  await tx.insert(invitations).values({
    userId: invitee.userId,
    tokenHash: hashToken(prepared.token),
    expiresAt: prepared.expiresAt,
    createdBy,
  });
  return enqueueEmail(tx, {
    recipient: invitee.email,
    recipientUserId: invitee.userId,
    kind: prepared.template,
    language: invitee.language,
    content: prepared.content,
    supersedeKey: `invitation:${invitee.userId}`,
  });
}
