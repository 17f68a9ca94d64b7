import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { mayOnHost } from '@/lib/auth/permissions';
import { insertInvitedUser } from '@/lib/invitations/insert-invited-user';
import { prepareInvitation } from '@/lib/invitations/prepare-invitation';
import { reissueInvitation } from '@/lib/invitations/reissue-invitation';
import { pendingAccountAdmin } from './pending-account-admin';
import type { Locale } from '@/lib/i18n/locales';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type CompleteSetupResult =
  | { ok: true; email: string; link: string; expiresAt: Date; emailId: string | null }
  | {
      ok: false;
      /** `needsEmail`: nobody is waiting to be its admin any more; name someone. */
      reason: 'forbidden' | 'notFound' | 'notSetup' | 'needsEmail' | 'alreadyUser';
    };

/**
 * Complete setup on an account still in setup: a new invitation for its pending admin (the old
 * link dies at once; emailed when SMTP is on). When that admin is gone, `adminEmail` invites a
 * new first admin instead.
 */
export async function completeAccountSetup(
  db: Database,
  options: {
    actor: SessionUser;
    /** The caller as the audit log records them. */
    auditActor: AuditActor;
    accountId: string;
    adminEmail?: string;
    language: Locale;
  },
): Promise<CompleteSetupResult> {
  const { actor, accountId } = options;
  if (!mayOnHost(actor, 'accounts.manage')) return { ok: false, reason: 'forbidden' };
  const [account] = await db
    .select({ name: accounts.name, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!account) return { ok: false, reason: 'notFound' };
  if (account.status !== 'setup') return { ok: false, reason: 'notSetup' };

  const waiting = await pendingAccountAdmin(db, accountId);
  const email = waiting?.email ?? options.adminEmail?.trim().toLowerCase();
  if (!email) return { ok: false, reason: 'needsEmail' };
  const language = waiting?.language ?? options.language;
  const prepared = await prepareInvitation(db, {
    template: waiting ? 'invitation-regenerated' : 'invitation',
    purpose: { kind: 'accountAdmin', accountName: account.name },
    email,
    invitedBy: actor.email,
    language,
  });

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: accounts.status })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for('update');
    if (!locked) return { ok: false, reason: 'notFound' } as const;
    if (locked.status !== 'setup') return { ok: false, reason: 'notSetup' } as const;
    const stillWaiting = await pendingAccountAdmin(tx, accountId);
    let emailId: string | null;
    if (waiting) {
      // The admin signed up (or was removed) between the two reads.
      if (stillWaiting?.id !== waiting.id) return { ok: false, reason: 'notSetup' } as const;
      emailId = await reissueInvitation(
        tx,
        { userId: waiting.id, email, language },
        prepared,
        actor.id,
      );
    } else {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) return { ok: false, reason: 'alreadyUser' } as const;
      const invited = await insertInvitedUser(tx, {
        email,
        language,
        hostRole: null,
        memberships: [{ accountId, role: 'admin' }],
        prepared,
        createdBy: actor.id,
      });
      if (!invited) return { ok: false, reason: 'alreadyUser' } as const;
      emailId = invited.emailId;
    }
    await recordEvent(tx, options.auditActor, {
      type: 'account.setupCompleted',
      target: { kind: 'account', id: accountId, label: account.name },
      accountId,
      details: { administrator: email, newAdministrator: !waiting, emailed: emailId !== null },
    });
    return {
      ok: true,
      email,
      link: prepared.link,
      expiresAt: prepared.expiresAt,
      emailId,
    } as const;
  });
}
