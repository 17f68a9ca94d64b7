import 'server-only';
import type { Database } from '@/db/database';
import type { AuditActor } from './audit-actor';
import type { AuditEventType } from './event-types';
import { recordEvent, type AuditDetails } from './record-event';

/**
 * Records a change to a user, inside the change's transaction. It belongs to an account (and
 * shows in that account's Activity) when made on the account's own Users page, or when the
 * user is in exactly one account; a host user's, or one in several accounts, is the host's.
 */
export async function recordUserEvent(
  tx: Database,
  actor: AuditActor,
  event: {
    type: AuditEventType;
    user: { id: string; email: string };
    /** The account whose page the change was made on. */
    inAccount?: string;
    /** The accounts the user is in (none for a host user). */
    accountIds?: readonly string[];
    details?: AuditDetails;
  },
): Promise<void> {
  const accountIds = event.accountIds ?? [];
  await recordEvent(tx, actor, {
    type: event.type,
    target: { kind: 'user', id: event.user.id, label: event.user.email },
    accountId: event.inAccount ?? (accountIds.length === 1 ? accountIds[0] : null),
    details: event.details,
  });
}
