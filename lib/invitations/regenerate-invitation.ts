import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, invitations, users } from '@/db/schema';
import { renderEmail } from '@/emails/render';
import type { SessionUser } from '@/lib/auth/read-session';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/mail/outbox/enqueue-email';
import { invitationLink } from './invitation-link';
import { loadInvitationSettings } from './load-invitation-settings';
import { mayGrant, type InvitationGrant } from './may-grant';

export type RegenerateInvitationResult =
  | { ok: true; link: string; expiresAt: Date; emailId: string | null }
  | { ok: false; reason: 'notFound' | 'notPending' | 'forbidden' };

/** The user's status and what they hold, with each account's row for the permission check. */
async function loadInvitee(db: Database, userId: string, lock: boolean) {
  const userQuery = db
    .select({
      id: users.id,
      email: users.email,
      status: users.status,
      language: users.language,
      hostRole: users.hostRole,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const [user] = lock ? await userQuery.for('update') : await userQuery;
  if (!user) return null;
  const membershipQuery = db
    .select({
      role: accountMemberships.role,
      id: accounts.id,
      name: accounts.name,
      managed: accounts.managed,
      delegatedUserManagement: accounts.delegatedUserManagement,
      status: accounts.status,
    })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(eq(accountMemberships.userId, userId))
    .orderBy(accounts.name);
  const memberships = lock ? await membershipQuery.for('share') : await membershipQuery;
  // A host user's link is a host matter; an individual user's link opens every one of their
  // accounts, so the actor must manage users in each of them.
  const grant: InvitationGrant = user.hostRole
    ? { type: 'host', role: user.hostRole }
    : {
        type: 'individual',
        accounts: memberships.map(({ role, ...account }) => ({ account, role })),
      };
  return { user, grant, accountNames: memberships.map((m) => m.name) };
}

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
  const invitee = await loadInvitee(db, userId, false);
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
    const locked = await loadInvitee(tx, userId, true);
    if (!locked) return { ok: false, reason: 'notFound' } as const;
    if (!mayGrant(actor, locked.grant)) return { ok: false, reason: 'forbidden' } as const;
    if (locked.user.status !== 'pending') return { ok: false, reason: 'notPending' } as const;

    const now = new Date();
    await tx
      .update(invitations)
      .set({ replacedAt: now })
      .where(
        and(
          eq(invitations.userId, userId),
          isNull(invitations.usedAt),
          isNull(invitations.replacedAt),
        ),
      );
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
