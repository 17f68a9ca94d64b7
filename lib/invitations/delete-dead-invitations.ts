import 'server-only';
import { and, eq, inArray, isNotNull, lt, notExists, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { invitations, users } from '@/db/schema';

/**
 * Up to `limit` invitation links that stopped working before `before`, locked (SKIP LOCKED).
 * A link stops when it is used, replaced or expires, whichever comes first, so by its expiry
 * at the latest: `expires_at < before` finds every dead link through the
 * invitations_expires_at index and never a live one. The caller leaves a grace period: until
 * it is over, opening an old link still says how it ended (used, replaced, expired) rather
 * than "not valid".
 *
 * Kept however old: a pending user's open link (neither used nor replaced). The Users pages
 * show it as "Expired …", which tells the admin why the user has not signed up and that they
 * need a new link; without it they would read "No open link", as if none had ever been made.
 * A new link replaces the open one, so a pending user has one at most and keeping it cannot
 * make the table grow; it goes once used, replaced, or with its user. An open link of a
 * deactivated user does go: the Users pages show no expiry for them, and reactivation marks
 * their old links replaced anyway.
 */
export function deadInvitations(db: Database, options: { before: Date; limit: number }) {
  const ownedByPendingUser = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, invitations.userId), eq(users.status, 'pending')));
  return db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        lt(invitations.expiresAt, options.before),
        or(
          isNotNull(invitations.usedAt),
          isNotNull(invitations.replacedAt),
          notExists(ownedByPendingUser),
        ),
      ),
    )
    .limit(options.limit)
    .for('update', { skipLocked: true });
}

/** Deletes the links `deadInvitations` finds; returns how many. */
export async function deleteDeadInvitations(
  db: Database,
  options: { before: Date; limit: number },
): Promise<number> {
  const deleted = await db
    .delete(invitations)
    .where(inArray(invitations.id, deadInvitations(db, options)))
    .returning({ id: invitations.id });
  return deleted.length;
}
