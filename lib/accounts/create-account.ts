import 'server-only';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import { mayOnHost } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { insertInvitedUser } from '@/lib/invitations/insert-invited-user';
import { prepareInvitation } from '@/lib/invitations/prepare-invitation';
import { accountNameTaken } from './account-name-taken';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/i18n/locales';

export type AccountAdministrator =
  { type: 'me' } | { type: 'invite'; email: string; language: Locale };

export type CreateAccountResult =
  | {
      ok: true;
      accountId: string;
      /** The first admin's link ("Invite its administrator"), shown with Copy. */
      invitation: { email: string; link: string; expiresAt: Date; emailId: string | null } | null;
    }
  | { ok: false; reason: 'forbidden' | 'duplicateName' | 'alreadyUser' };

/**
 * Add account. "I will administer it": a managed, active account whose creator is its admin.
 * "Invite its administrator": an unmanaged account in setup and a pending first admin with an
 * invitation (emailed when SMTP is on); it turns active when they set their password.
 * Everything is written in one transaction, so a taken name or address leaves nothing behind;
 * the audit log's 'account.created' with it.
 */
export async function createAccount(
  db: Database,
  options: {
    actor: SessionUser;
    /** The same caller as the audit log records them. */
    auditActor: AuditActor;
    name: string;
    administrator: AccountAdministrator;
  },
): Promise<CreateAccountResult> {
  const { actor, administrator } = options;
  const name = options.name.trim();
  if (!mayOnHost(actor, 'accounts.manage')) return { ok: false, reason: 'forbidden' };
  if (await accountNameTaken(db, name)) return { ok: false, reason: 'duplicateName' };

  if (administrator.type === 'me') {
    return db.transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({ name, managed: true, status: 'active' })
        .onConflictDoNothing()
        .returning({ id: accounts.id });
      if (!account) return { ok: false, reason: 'duplicateName' } as const;
      await tx
        .insert(accountMemberships)
        .values({ userId: actor.id, accountId: account.id, role: 'admin' });
      await recordEvent(tx, options.auditActor, {
        type: 'account.created',
        target: { kind: 'account', id: account.id, label: name },
        accountId: account.id,
        details: { managed: true, administrator: actor.email },
      });
      return { ok: true, accountId: account.id, invitation: null } as const;
    });
  }

  const email = administrator.email.trim().toLowerCase();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing) return { ok: false, reason: 'alreadyUser' };
  const prepared = await prepareInvitation(db, {
    template: 'invitation',
    purpose: { kind: 'accountAdmin', accountName: name },
    email,
    invitedBy: actor.email,
    language: administrator.language,
  });
  return db
    .transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({ name, managed: false, status: 'setup' })
        .onConflictDoNothing()
        .returning({ id: accounts.id });
      if (!account) return { ok: false, reason: 'duplicateName' } as const;
      const invited = await insertInvitedUser(tx, {
        email,
        language: administrator.language,
        hostRole: null,
        memberships: [{ accountId: account.id, role: 'admin' }],
        prepared,
        createdBy: actor.id,
      });
      if (!invited) {
        // The address was taken meanwhile: undo the account too.
        tx.rollback();
      }
      await recordEvent(tx, options.auditActor, {
        type: 'account.created',
        target: { kind: 'account', id: account.id, label: name },
        accountId: account.id,
        details: { managed: false, administrator: email },
      });
      const { link, expiresAt } = prepared;
      return {
        ok: true,
        accountId: account.id,
        invitation: { email, link, expiresAt, emailId: invited!.emailId },
      } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) {
        return { ok: false, reason: 'alreadyUser' } as const;
      }
      throw error;
    });
}
