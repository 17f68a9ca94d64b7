import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { openInvitationExpiries } from '@/lib/invitations/open-invitation-expiries';
import { mayGrant, type InvitationGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { AccountInScope } from '@/lib/auth/load-account-scope';
import type { UserStatus } from '@/db/schema';

export interface AccountUserRow {
  id: string;
  email: string;
  status: UserStatus;
  role: AccountRole;
  /** Set for host users who also hold a role here: their links are a host admin's matter. */
  hostRole: HostRole | null;
  invitationExpiresAt: Date | null;
  invitationExpired: boolean;
  isViewer: boolean;
  /** The viewer may change this user's role here or remove them from the account. */
  manageable: boolean;
  /**
   * The viewer may make this user's invite and reset links: such a link opens every account
   * the user has, so it takes managing users in all of them (lib/auth/may-grant.ts).
   */
  linksAllowed: boolean;
}

/** An account's Users page: everyone with a role in it, ordered by email. */
export async function listAccountUsers(
  db: Database,
  options: { viewer: SessionUser; account: AccountInScope },
): Promise<AccountUserRow[]> {
  const { viewer, account } = options;
  const members = await db
    .select({
      id: users.id,
      email: users.email,
      status: users.status,
      hostRole: users.hostRole,
      role: accountMemberships.role,
    })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(eq(accountMemberships.accountId, account.id))
    .orderBy(asc(users.email));
  if (members.length === 0) return [];
  const ids = members.map((member) => member.id);
  const expiryByUser = await openInvitationExpiries(db, ids);
  // Every account of these users, to tell whose links the viewer may make.
  const allMemberships = await db
    .select({
      userId: accountMemberships.userId,
      role: accountMemberships.role,
      ...accountScopeColumns,
    })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(inArray(accountMemberships.userId, ids));
  const now = Date.now();
  return members.map((member) => {
    const isViewer = member.id === viewer.id;
    const manageable =
      !isViewer &&
      mayGrant(viewer, { type: 'individual', accounts: [{ account, role: member.role }] });
    const grant: InvitationGrant = member.hostRole
      ? { type: 'host', role: member.hostRole }
      : {
          type: 'individual',
          accounts: allMemberships
            .filter((membership) => membership.userId === member.id)
            .map(({ userId: _userId, role, ...scope }) => ({ account: scope, role })),
        };
    const expiresAt = member.status === 'pending' ? (expiryByUser.get(member.id) ?? null) : null;
    return {
      ...member,
      invitationExpiresAt: expiresAt,
      invitationExpired: expiresAt !== null && expiresAt.getTime() <= now,
      isViewer,
      manageable,
      linksAllowed: manageable && mayGrant(viewer, grant),
    };
  });
}
