import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { insertInvitedUser } from './insert-invited-user';
import { prepareInvitation } from './prepare-invitation';
import { mayGrant, type InvitationGrant } from '@/lib/auth/may-grant';
import { takenAddress } from './taken-address';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { Locale } from '@/lib/i18n/locales';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordUserEvent } from '@/lib/audit/record-user-event';

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
  /**
   * `forbidden`: the inviter may not grant this (or an account is unknown or deactivated).
   * `alreadyUser` / `notInvitable`: the address is taken; see taken-address.ts for which is said.
   */
  | { ok: false; reason: 'alreadyUser' | 'notInvitable' | 'forbidden' | 'invalid' };

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
    /** The inviter as the audit log records them. */
    auditActor: AuditActor;
    /** Already validated (lib/auth/password-fields.ts `emailField`); lower-cased here again. */
    email: string;
    request: InviteUserRequest;
    /** The invitee's language: their emails and, later, their console. */
    language: Locale;
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
  const taken = await takenAddress(db, { inviter, email, accountIds });
  if (taken) return { ok: false, reason: taken };

  const accountNames = scopes.map((scope) => scope.name);
  const prepared = await prepareInvitation(db, {
    template: 'invitation',
    purpose:
      request.type === 'host' || accountNames.length === 0
        ? { kind: 'hostUser' }
        : { kind: 'individualUser', accountNames: accountNames as [string, ...string[]] },
    email,
    invitedBy: inviter.email,
    language,
  });

  const result = await db.transaction(async (tx) => {
    const lockedGrant = toGrant(request, await loadScopes(tx, accountIds));
    if (!lockedGrant || !mayGrant(inviter, lockedGrant)) {
      return { ok: false, reason: 'forbidden' } as const;
    }
    const created = await insertInvitedUser(tx, {
      email,
      language,
      hostRole: request.type === 'host' ? request.role : null,
      memberships: request.type === 'individual' ? request.accounts : [],
      prepared,
      createdBy: inviter.id,
    });
    // Another invite for the same email won the race; nothing was written here.
    if (!created) return { ok: false, reason: 'taken' } as const;
    await recordUserEvent(tx, options.auditActor, {
      type: 'user.invited',
      user: { id: created.userId, email },
      accountIds,
      details:
        request.type === 'host'
          ? { hostRole: request.role, emailed: created.emailId !== null }
          : {
              accounts: request.accounts.map(
                ({ accountId, role }) =>
                  `${scopes.find((scope) => scope.id === accountId)?.name ?? accountId}: ${role}`,
              ),
              emailed: created.emailId !== null,
            },
    });
    const { link, expiresAt } = prepared;
    return { ok: true, userId: created.userId, link, expiresAt, emailId: created.emailId } as const;
  });
  if (result.ok || result.reason !== 'taken') return result;
  // Answered as above, now that the winner's row is there to look at.
  return {
    ok: false,
    reason: (await takenAddress(db, { inviter, email, accountIds })) ?? 'notInvitable',
  };
}
