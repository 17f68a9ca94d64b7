import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountsOnlyAdministeredBy, isLastActiveHostAdmin } from './admin-invariants';
import { guardUserChange } from './guard-user-change';
import type { UserChangeResult } from './user-change-result';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

/**
 * New roles for a user, of the same kind they hold: a host user gets another host role; an
 * individual user another role in each of their accounts (adding or leaving accounts happens
 * on the account's own Users page).
 */
export type RoleChange =
  | { type: 'host'; role: HostRole }
  | { type: 'individual'; accounts: readonly { accountId: string; role: AccountRole }[] };

/**
 * Changes another user's roles. The actor must be able to grant both the old and the new
 * roles, and the change must leave the instance an active host admin and every account an
 * admin. Takes effect on the user's next request (sessions read roles fresh). Each role that
 * changes is recorded in the audit log (an account role against its account).
 */
export async function changeUserRole(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string; change: RoleChange },
): Promise<UserChangeResult> {
  const { actor, userId, change } = options;
  return db.transaction(async (tx) => {
    const guard = await guardUserChange(tx, actor, userId);
    if (!guard.ok) return guard;
    const { user, grant, accountIds, accountNames } = guard.target;
    const now = new Date();

    if (change.type === 'host') {
      if (grant.type !== 'host') return { ok: false, reason: 'invalid' } as const;
      if (!mayGrant(actor, change)) return { ok: false, reason: 'forbidden' } as const;
      if (
        grant.role === 'admin' &&
        change.role !== 'admin' &&
        (await isLastActiveHostAdmin(tx, userId))
      ) {
        return { ok: false, reason: 'lastHostAdmin' } as const;
      }
      await tx
        .update(users)
        .set({ hostRole: change.role, updatedAt: now })
        .where(eq(users.id, userId));
      if (grant.role !== change.role) {
        await recordUserEvent(tx, options.auditActor, {
          type: 'user.roleChanged',
          user,
          details: { scope: 'host', from: grant.role, to: change.role },
        });
      }
      return { ok: true, email: user.email } as const;
    }

    if (grant.type !== 'individual') return { ok: false, reason: 'invalid' } as const;
    const held = new Map(grant.accounts.map((entry) => [entry.account.id, entry]));
    const asked = new Map(change.accounts.map((entry) => [entry.accountId, entry.role]));
    if (asked.size !== change.accounts.length || asked.size !== held.size) {
      return { ok: false, reason: 'invalid' } as const;
    }
    const next = [];
    for (const [accountId, role] of asked) {
      const current = held.get(accountId);
      if (!current) return { ok: false, reason: 'invalid' } as const;
      next.push({ account: current.account, role });
    }
    if (!mayGrant(actor, { type: 'individual', accounts: next })) {
      return { ok: false, reason: 'forbidden' } as const;
    }
    const demoted = next
      .filter(({ account, role }) => held.get(account.id)!.role === 'admin' && role !== 'admin')
      .map(({ account }) => account.id);
    const orphaned = await accountsOnlyAdministeredBy(tx, userId, demoted);
    if (orphaned.length > 0) {
      return { ok: false, reason: 'lastAccountAdmin', accounts: orphaned } as const;
    }
    for (const { account, role } of next) {
      if (held.get(account.id)!.role === role) continue;
      await tx
        .update(accountMemberships)
        .set({ role })
        .where(
          and(eq(accountMemberships.userId, userId), eq(accountMemberships.accountId, account.id)),
        );
      await recordUserEvent(tx, options.auditActor, {
        type: 'user.roleChanged',
        user,
        inAccount: account.id,
        details: {
          scope: 'account',
          account: accountNames[accountIds.indexOf(account.id)] ?? null,
          from: held.get(account.id)!.role,
          to: role,
        },
      });
    }
    await tx.update(users).set({ updatedAt: now }).where(eq(users.id, userId));
    return { ok: true, email: user.email } as const;
  });
}
