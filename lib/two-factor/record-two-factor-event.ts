import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import type { AuditEventType } from '@/lib/audit/event-types';
import { recordEvent, type AuditDetails } from '@/lib/audit/record-event';

/**
 * Records a change to a user's own two-factor sign-in, inside the change's transaction. The
 * target keeps the user's address: the actor may be a visitor finishing a sign-in.
 */
export async function recordTwoFactorEvent(
  tx: Database,
  actor: AuditActor,
  event: { type: AuditEventType; userId: string; details?: AuditDetails },
): Promise<void> {
  const [user] = await tx
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, event.userId));
  await recordEvent(tx, actor, {
    type: event.type,
    target: { kind: 'user', id: event.userId, label: user?.email ?? null },
    details: event.details,
  });
}
