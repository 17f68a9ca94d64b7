import 'server-only';
import type { Database } from '@/db/database';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { lockUserAdministration } from './admin-invariants';
import { foundIn, loadManagedUser, type ManagedUser } from './load-managed-user';

/**
 * The common start of every change to another user, inside the caller's transaction: takes the
 * administration lock, loads and locks the user, and refuses a missing user, the actor
 * themselves, or a user the actor may not manage. Returns the locked user or the refusal.
 * With `inAccount`, a user who is not in that account counts as missing.
 */
export async function guardUserChange(
  tx: Database,
  actor: SessionUser,
  userId: string,
  inAccount?: string,
): Promise<
  { ok: true; target: ManagedUser } | { ok: false; reason: 'notFound' | 'self' | 'forbidden' }
> {
  await lockUserAdministration(tx);
  const target = await loadManagedUser(tx, userId, true);
  if (!foundIn(target, inAccount)) return { ok: false, reason: 'notFound' };
  if (!mayGrant(actor, target.grant)) return { ok: false, reason: 'forbidden' };
  if (target.user.id === actor.id) return { ok: false, reason: 'self' };
  return { ok: true, target };
}
