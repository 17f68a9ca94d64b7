import 'server-only';
import type { Database } from '@/db/database';
import { invitations } from '@/db/schema';
import { renderEmail } from '@/emails/render';
import type { SessionUser } from '@/lib/auth/read-session';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/mail/outbox/enqueue-email';
import { invitationLink } from './invitation-link';
import { loadInvitationSettings } from './load-invitation-settings';
import { loadManagedUser } from '@/lib/users/load-managed-user';
import { mayGrant } from './may-grant';
import { replaceOpenInvitations } from './replace-open-invitations';

export type RegenerateInvitationResult =
  | { ok: true; link: string; expiresAt: Date; emailId: string | null }
  | { ok: false; reason: 'notFound' | 'notPending' | 'forbidden' };

/**
 * "Generate invite link" for a pending user: the older unused links die at once (replaced),
 * a new one is made, and with the SMTP switch on it is emailed; the email supersedes any older
 * invitation email still waiting in the outbox. Allowed to whoever could invite this user with
 * the roles they hold now (lib/invitations/may-grant.ts).
 */
export async function regenerateInvitation(
  db: Database,
  options: { actor: SessionUser; userId: string },
): Promise<RegenerateInvitationResult> {
  const { actor, userId } = options;
  const invitee = await loadManagedUser(db, userId, false);
  if (!invitee) return { ok: false, reason: 'notFound' };
  if (!mayGrant(actor, invitee.grant)) return { ok: false, reason: 'forbidden' };
  if (invitee.user.status !== 'pending') return { ok: false, reason: 'notPending' };

  const settings = await loadInvitationSettings(db);
  const token = newToken();
  const link = invitationLink(token);
  const expiresAt = new Date(Date.now() + settings.lifetimeHours * 3_600_000);
  const [firstAccount, ...otherAccounts] = invitee.accountNames;
  const content = await renderEmail(
    'invitation-regenerated',
    {
      ...(invitee.grant.type === 'host' || firstAccount === undefined
        ? { kind: 'hostUser' as const }
        : { kind: 'individualUser' as const, accountNames: [firstAccount, ...otherAccounts] }),
      hostName: settings.hostName,
      email: invitee.user.email,
      invitedBy: actor.email,
      link,
      expiresAt,
    },
    invitee.user.language,
  );

  return db.transaction(async (tx) => {
    const locked = await loadManagedUser(tx, userId, true);
    if (!locked) return { ok: false, reason: 'notFound' } as const;
    if (!mayGrant(actor, locked.grant)) return { ok: false, reason: 'forbidden' } as const;
    if (locked.user.status !== 'pending') return { ok: false, reason: 'notPending' } as const;

    const now = new Date();
    await replaceOpenInvitations(tx, userId, now);
    await tx.insert(invitations).values({
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: actor.id,
    });
    const emailId = await enqueueEmail(tx, {
      recipient: locked.user.email,
      recipientUserId: userId,
      kind: 'invitation-regenerated',
      language: locked.user.language,
      content,
      supersedeKey: `invitation:${userId}`,
    });
    return { ok: true, link, expiresAt, emailId } as const;
  });
}
