import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, invitations, users } from '@/db/schema';
import { renderEmail } from '@/emails/render';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/mail/outbox/enqueue-email';
import { invitationLink } from './invitation-link';
import { loadInvitationSettings } from './load-invitation-settings';
import { mayGrant, type InvitationGrant } from './may-grant';
import { accountScopeColumns } from '@/lib/accounts/account-scope-columns';

export type InviteUserRequest =
  | { type: 'host'; role: HostRole }
  | { type: 'individual'; accounts: readonly { accountId: string; role: AccountRole }[] };

export type InviteUserResult =
  | {
      ok: true;
      userId: string;
      /** Shown with Copy even when the email was queued too. */
      link: string;
      expiresAt: Date;
      /** The queued invitation email, or null with the SMTP switch off. */
      emailId: string | null;
    }
  /** `forbidden`: the inviter may not grant this (or an account is unknown or deactivated). */
  | { ok: false; reason: 'alreadyUser' | 'forbidden' | 'invalid' };

async function loadScopes(db: Database, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select(accountScopeColumns)
    .from(accounts)
    .where(inArray(accounts.id, accountIds))
    .for('share');
}

/** The grant with each requested account's stored row, or null when an account is unknown. */
function toGrant(
  request: InviteUserRequest,
  scopes: Awaited<ReturnType<typeof loadScopes>>,
): InvitationGrant | null {
  if (request.type === 'host') return { type: 'host', role: request.role };
  const byId = new Map(scopes.map((scope) => [scope.id, scope]));
  const granted = request.accounts.map(({ accountId, role }) => {
    const account = byId.get(accountId);
    return account ? { account, role } : null;
  });
  if (granted.some((entry) => entry === null)) return null;
  return { type: 'individual', accounts: granted as Exclude<(typeof granted)[number], null>[] };
}

/**
 * Invites a new user: creates them `pending` with their role(s) and a single-use invitation
 * (only the token's hash is stored), and queues the invitation email in the same transaction
 * when the SMTP switch is on. The permission check runs again inside the transaction against
 * freshly locked account rows; a duplicate email (checked, and caught at the unique constraint
 * when two invites race) creates nothing.
 */
export async function inviteUser(
  db: Database,
  options: {
    inviter: SessionUser;
    /** Already validated (lib/auth/password-fields.ts `emailField`); lower-cased here again. */
    email: string;
    request: InviteUserRequest;
    /** The invitee's language: their emails and, later, their console. */
    language: 'en' | 'de';
  },
): Promise<InviteUserResult> {
  const { inviter, request, language } = options;
  const email = options.email.trim().toLowerCase();
  const accountIds = request.type === 'individual' ? request.accounts.map((a) => a.accountId) : [];
  if (
    request.type === 'individual' &&
    (accountIds.length === 0 || new Set(accountIds).size !== accountIds.length)
  ) {
    return { ok: false, reason: 'invalid' };
  }

  // Checked before rendering, so a refused call does no work; checked again inside.
  const scopes = await loadScopes(db, accountIds);
  const grant = toGrant(request, scopes);
  if (!grant || !mayGrant(inviter, grant)) return { ok: false, reason: 'forbidden' };
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing) return { ok: false, reason: 'alreadyUser' };

  // Rendered outside the transaction, which then holds its locks only for the writes. Always
  // rendered, so an invite costs the same with the SMTP switch on or off.
  const settings = await loadInvitationSettings(db);
  const token = newToken();
  const link = invitationLink(token);
  const expiresAt = new Date(Date.now() + settings.lifetimeHours * 3_600_000);
  const accountNames = scopes.map((scope) => scope.name);
  const content = await renderEmail(
    'invitation',
    {
      ...(request.type === 'host' || accountNames.length === 0
        ? { kind: 'hostUser' as const }
        : { kind: 'individualUser' as const, accountNames: accountNames as [string, ...string[]] }),
      hostName: settings.hostName,
      email,
      invitedBy: inviter.email,
      link,
      expiresAt,
    },
    language,
  );

  return db.transaction(async (tx) => {
    const lockedGrant = toGrant(request, await loadScopes(tx, accountIds));
    if (!lockedGrant || !mayGrant(inviter, lockedGrant)) {
      return { ok: false, reason: 'forbidden' } as const;
    }
    const [user] = await tx
      .insert(users)
      .values({
        email,
        status: 'pending',
        language,
        hostRole: request.type === 'host' ? request.role : null,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    // Another invite for the same email won the race; nothing was written here.
    if (!user) return { ok: false, reason: 'alreadyUser' } as const;

    if (request.type === 'individual') {
      await tx
        .insert(accountMemberships)
        .values(
          request.accounts.map(({ accountId, role }) => ({ userId: user.id, accountId, role })),
        );
    }
    await tx.insert(invitations).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: inviter.id,
    });
    const emailId = await enqueueEmail(tx, {
      recipient: email,
      recipientUserId: user.id,
      kind: 'invitation',
      language,
      content,
      supersedeKey: `invitation:${user.id}`,
    });
    return { ok: true, userId: user.id, link, expiresAt, emailId } as const;
  });
}
