import 'server-only';
import type { Database } from '@/db/database';
import { accountMemberships, invitations, users } from '@/db/schema';
import type { InvitationKind } from '@/emails/invitation-kind';
import { renderEmail } from '@/lib/mail/render-email';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import type { EmailContent } from '@/lib/outbox/outbox-payload';
import { invitationLink } from './invitation-link';
import { loadInvitationSettings } from './load-invitation-settings';
import { replaceOpenInvitations } from './replace-open-invitations';

/** A new link and its email, made before the transaction that stores them. */
export interface PreparedInvitation {
  template: 'invitation' | 'invitation-regenerated';
  token: string;
  link: string;
  expiresAt: Date;
  content: EmailContent;
}

/**
 * Makes a new invitation link and renders its email outside any transaction, so the writes
 * that follow hold their locks briefly. Always rendered, so inviting costs the same with the
 * SMTP switch on or off.
 */
export async function prepareInvitation(
  db: Database,
  options: {
    template: PreparedInvitation['template'];
    purpose: InvitationKind;
    email: string;
    invitedBy: string;
    language: 'en' | 'de';
  },
): Promise<PreparedInvitation> {
  const settings = await loadInvitationSettings(db);
  const token = newToken();
  const link = invitationLink(token);
  const expiresAt = new Date(Date.now() + settings.lifetimeHours * 3_600_000);
  const content = await renderEmail(
    options.template,
    {
      ...options.purpose,
      hostName: settings.hostName,
      email: options.email,
      invitedBy: options.invitedBy,
      link,
      expiresAt,
    },
    options.language,
  );
  return { template: options.template, token, link, expiresAt, content };
}

/** Stores a prepared link for `userId` (only its hash) and queues its email when SMTP is on. */
async function storeInvitation(
  tx: Database,
  invitee: { userId: string; email: string; language: 'en' | 'de' },
  prepared: PreparedInvitation,
  createdBy: string,
): Promise<string | null> {
  await tx.insert(invitations).values({
    userId: invitee.userId,
    tokenHash: hashToken(prepared.token),
    expiresAt: prepared.expiresAt,
    createdBy,
  });
  return enqueueEmail(tx, {
    recipient: invitee.email,
    recipientUserId: invitee.userId,
    kind: prepared.template,
    language: invitee.language,
    content: prepared.content,
    supersedeKey: `invitation:${invitee.userId}`,
  });
}

/**
 * Creates a pending user with their role(s) and the prepared invitation, inside the caller's
 * transaction. Returns null when the address is already taken (another invite won the race at
 * the unique constraint); nothing is written then.
 */
export async function insertInvitedUser(
  tx: Database,
  options: {
    email: string;
    language: 'en' | 'de';
    hostRole: HostRole | null;
    memberships: readonly { accountId: string; role: AccountRole }[];
    prepared: PreparedInvitation;
    createdBy: string;
  },
): Promise<{ userId: string; emailId: string | null } | null> {
  const { email, language } = options;
  const [user] = await tx
    .insert(users)
    .values({ email, status: 'pending', language, hostRole: options.hostRole })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!user) return null;
  if (options.memberships.length > 0) {
    await tx
      .insert(accountMemberships)
      .values(options.memberships.map((membership) => ({ userId: user.id, ...membership })));
  }
  const emailId = await storeInvitation(
    tx,
    { userId: user.id, email, language },
    options.prepared,
    options.createdBy,
  );
  return { userId: user.id, emailId };
}

/**
 * Gives a pending user a new link inside the caller's transaction: their older unused links
 * die at once (replaced) and the new email supersedes any older one still waiting.
 */
export async function reissueInvitation(
  tx: Database,
  invitee: { userId: string; email: string; language: 'en' | 'de' },
  prepared: PreparedInvitation,
  createdBy: string,
): Promise<string | null> {
  await replaceOpenInvitations(tx, invitee.userId, new Date());
  return storeInvitation(tx, invitee, prepared, createdBy);
}
