import 'server-only';
import { inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { passwordResets } from '@/db/schema';

/**
 * Up to `limit` password reset links that expired before `before`, locked (SKIP LOCKED). A
 * link stops when it is used, replaced or expires, whichever comes first, so by its expiry at
 * the latest: this finds every dead link through the password_resets_expires_at index and
 * never a live one. No page lists reset links; the caller's grace period keeps the reset page
 * saying how an old link ended (used, replaced, expired) for a while.
 */
export function deadResets(db: Database, options: { before: Date; limit: number }) {
  return db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(lt(passwordResets.expiresAt, options.before))
    .limit(options.limit)
    .for('update', { skipLocked: true });
}

/** Deletes the links `deadResets` finds; returns how many. */
export async function deleteDeadResets(
  db: Database,
  options: { before: Date; limit: number },
): Promise<number> {
  const deleted = await db
    .delete(passwordResets)
    .where(inArray(passwordResets.id, deadResets(db, options)))
    .returning({ id: passwordResets.id });
  return deleted.length;
}
