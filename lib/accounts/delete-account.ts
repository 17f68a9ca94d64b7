import 'server-only';
import { and, eq, inArray, isNull, ne, notExists } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, sessions, users } from '@/db/schema';
import { replaceOpenInvitations } from '@/lib/invitations/replace-open-invitations';
import { cancelEmailsTo } from '@/lib/outbox/cancel-emails-to';
import { lockUserAdministration } from '@/lib/users/admin-invariants';
import type { UserActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type DeleteAccountResult =
  | {
      ok: true;
      name: string;
      /** Users who had a role only there: now deactivated (their sessions ended). */
      deactivatedUsers: number;
      /** Whether the one deleting was among them (they are signed out). */
      deactivatedSelf: boolean;
    }
  | { ok: false; reason: 'notFound' | 'confirmMismatch' };

/**
 * Deletes an account once its name is typed again (exactly, ignoring surrounding spaces). Its
 * role bindings go with it; users left with no role at all are deactivated: their sessions
 * end, their links die and their waiting emails are cancelled. One transaction, with the audit
 * log's event (which keeps the name: the account's own events stay, for the host).
 */
export async function deleteAccount(
  db: Database,
  options: { actor: UserActor; accountId: string; confirmName: string },
): Promise<DeleteAccountResult> {
  const { accountId } = options;
  return db.transaction(async (tx) => {
    await lockUserAdministration(tx);
    const [account] = await tx
      .select({ name: accounts.name })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for('update');
    if (!account) return { ok: false, reason: 'notFound' } as const;
    if (account.name !== options.confirmName.trim()) {
      return { ok: false, reason: 'confirmMismatch' } as const;
    }
    const members = await tx
      .select({ userId: accountMemberships.userId })
      .from(accountMemberships)
      .where(eq(accountMemberships.accountId, accountId));
    await tx.delete(accounts).where(eq(accounts.id, accountId));

    const memberIds = members.map((member) => member.userId);
    const roleless =
      memberIds.length === 0
        ? []
        : await tx
            .update(users)
            .set({ status: 'deactivated', updatedAt: new Date() })
            .where(
              and(
                inArray(users.id, memberIds),
                isNull(users.hostRole),
                ne(users.status, 'deactivated'),
                notExists(
                  tx
                    .select({ userId: accountMemberships.userId })
                    .from(accountMemberships)
                    .where(eq(accountMemberships.userId, users.id)),
                ),
              ),
            )
            .returning({ id: users.id });
    const now = new Date();
    for (const { id } of roleless) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await replaceOpenInvitations(tx, id, now);
      await cancelEmailsTo(tx, id);
    }
    await recordEvent(tx, options.actor, {
      type: 'account.deleted',
      target: { kind: 'account', id: accountId, label: account.name },
      accountId,
      details: { members: memberIds.length, deactivatedUsers: roleless.length },
    });
    return {
      ok: true,
      name: account.name,
      deactivatedUsers: roleless.length,
      deactivatedSelf: roleless.some(({ id }) => id === options.actor.userId),
    } as const;
  });
}
