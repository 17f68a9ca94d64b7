import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { lockUserAdministration } from '@/lib/users/admin-invariants';
import { loadAccountScope } from '@/lib/auth/load-account-scope';

/**
 * Locks and checks a change to `userId`'s role in one account, inside the caller's transaction:
 * the common start of changeAccountRole and removeFromAccount.
 */
export async function guardMembershipChange(
  tx: Database,
  options: { actor: SessionUser; accountId: string; userId: string },
) {
  await lockUserAdministration(tx);
  const account = await loadAccountScope(tx, options.accountId);
  const [membership] = await tx
    .select({ role: accountMemberships.role, email: users.email, hostRole: users.hostRole })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(
      and(
        eq(accountMemberships.accountId, options.accountId),
        eq(accountMemberships.userId, options.userId),
      ),
    )
    .for('update');
  if (!account || !membership) return { ok: false, reason: 'notFound' } as const;
  if (
    !mayGrant(options.actor, { type: 'individual', accounts: [{ account, role: membership.role }] })
  ) {
    return { ok: false, reason: 'forbidden' } as const;
  }
  if (options.userId === options.actor.id) return { ok: false, reason: 'self' } as const;
  return { ok: true, account, membership } as const;
}
