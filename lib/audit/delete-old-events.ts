import 'server-only';
import { inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { auditEvents } from '@/db/schema';

/**
 * Deletes up to `limit` events that happened before `before` (the retention's start), oldest
 * first through the log-order index; returns how many. The only delete the audit log has.
 */
export async function deleteOldEvents(
  db: Database,
  options: { before: Date; limit: number },
): Promise<number> {
  const old = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(lt(auditEvents.occurredAt, options.before))
    .orderBy(auditEvents.occurredAt, auditEvents.id)
    .limit(options.limit);
  const deleted = await db
    .delete(auditEvents)
    .where(inArray(auditEvents.id, old))
    .returning({ id: auditEvents.id });
  return deleted.length;
}
