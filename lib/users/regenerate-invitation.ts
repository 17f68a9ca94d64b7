import 'server-only';
import type { Database } from '@/db/database';
import type { SessionUser } from '@/lib/auth/read-session';
import { prepareInvitation } from '@/lib/invitations/prepare-invitation';
import { reissueInvitation } from '@/lib/invitations/reissue-invitation';
import { foundIn, loadManagedUser } from './load-managed-user';
import { mayGrant } from '@/lib/auth/may-grant';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

export type RegenerateInvitationResult =
  | { ok: true; link: string; expiresAt: Date; emailId: string | null }
  | { ok: false; reason: 'notFound' | 'notPending' | 'forbidden' };

/**
 * "Generate invite link" for a pending user: the older unused links die at once (replaced),
 * a new one is made, and with the SMTP switch on it is emailed; the email supersedes any older
 * invitation email still waiting in the outbox. Allowed to whoever could invite this user with
 * the roles they hold now (lib/auth/may-grant.ts). With `inAccount` (an account's Users page),
 * only that account's users are found.
 */
export async function regenerateInvitation(
  db: Database,
  options: { actor: SessionUser; auditActor: AuditActor; userId: string; inAccount?: string },
): Promise<RegenerateInvitationResult> {
  const { actor, userId, inAccount } = options;
  const invitee = await loadManagedUser(db, userId, false);
  if (!foundIn(invitee, inAccount)) return { ok: false, reason: 'notFound' };
  if (!mayGrant(actor, invitee.grant)) return { ok: false, reason: 'forbidden' };
  if (invitee.user.status !== 'pending') return { ok: false, reason: 'notPending' };

  const [firstAccount, ...otherAccounts] = invitee.accountNames;
  const prepared = await prepareInvitation(db, {
    template: 'invitation-regenerated',
    purpose:
      invitee.grant.type === 'host' || firstAccount === undefined
        ? { kind: 'hostUser' }
        : { kind: 'individualUser', accountNames: [firstAccount, ...otherAccounts] },
    email: invitee.user.email,
    invitedBy: actor.email,
    language: invitee.user.language,
  });

  return db.transaction(async (tx) => {
    const locked = await loadManagedUser(tx, userId, true);
    if (!foundIn(locked, inAccount)) return { ok: false, reason: 'notFound' } as const;
    if (!mayGrant(actor, locked.grant)) return { ok: false, reason: 'forbidden' } as const;
    if (locked.user.status !== 'pending') return { ok: false, reason: 'notPending' } as const;

    const emailId = await reissueInvitation(
      tx,
      { userId, email: locked.user.email, language: locked.user.language },
      prepared,
      actor.id,
    );
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.invitationRegenerated',
      user: locked.user,
      inAccount,
      accountIds: locked.accountIds,
      details: { emailed: emailId !== null },
    });
    const { link, expiresAt } = prepared;
    return { ok: true, link, expiresAt, emailId } as const;
  });
}
