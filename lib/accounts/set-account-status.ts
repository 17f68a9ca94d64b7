import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { AccountStatus } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type SetAccountStatusResult =
  { ok: true; name: string; status: AccountStatus } | { ok: false; reason: 'notFound' };

/**
 * Deactivate (nobody can open the account until it is activated again) or Activate. An
 * unmanaged account whose admin has not signed up yet goes back to setup, not active. A change
 * is recorded in the audit log in the same transaction.
 */
export async function setAccountStatus(
  db: Database,
  options: { accountId: string; active: boolean; actor: AuditActor },
): Promise<SetAccountStatusResult> {
  const { accountId, active } = options;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ name: accounts.name, status: accounts.status, managed: accounts.managed })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for('update');
    if (!account) return { ok: false, reason: 'notFound' } as const;
    let status = account.status;
    if (!active) status = 'deactivated';
    else if (account.status === 'deactivated') {
      status = account.managed || (await hasActiveAdmin(tx, accountId)) ? 'active' : 'setup';
    }
    if (status !== account.status) {
      await tx
        .update(accounts)
        .set({ status, updatedAt: new Date() })
        .where(eq(accounts.id, accountId));
      await recordEvent(tx, options.actor, {
        type: active ? 'account.activated' : 'account.deactivated',
        target: { kind: 'account', id: accountId, label: account.name },
        accountId,
        details: { from: account.status, to: status },
      });
    }
    return { ok: true, name: account.name, status } as const;
  });
}

async function hasActiveAdmin(tx: Database, accountId: string): Promise<boolean> {
  const [admin] = await tx
    .select({ id: users.id })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(
      and(
        eq(accountMemberships.accountId, accountId),
        eq(accountMemberships.role, 'admin'),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return admin !== undefined;
}
