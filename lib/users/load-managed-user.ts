import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { InvitationGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';

/**
 * A user as the Users page manages them: status, language and what they hold, with each
 * account's row for the permission check (lib/auth/may-grant.ts: whoever could invite
 * this user with the roles they hold now may manage them). With `lock`, the user row is locked
 * for update and the account rows for share, so the check holds until the transaction ends.
 */
export async function loadManagedUser(db: Database, userId: string, lock: boolean) {
  const userQuery = db
    .select({
      id: users.id,
      email: users.email,
      status: users.status,
      language: users.language,
      hostRole: users.hostRole,
      hasPassword: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const [row] = lock ? await userQuery.for('update') : await userQuery;
  if (!row) return null;
  const { hasPassword, ...user } = row;
  const membershipQuery = db
    .select({
      role: accountMemberships.role,
      ...accountScopeColumns,
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
  return {
    user: { ...user, hasPassword: hasPassword !== null },
    grant,
    accountNames: memberships.map((membership) => membership.name),
    accountIds: memberships.map((membership) => membership.id),
  };
}

export type ManagedUser = NonNullable<Awaited<ReturnType<typeof loadManagedUser>>>;

/**
 * Whether `user` is found for a caller that works inside one account (an account's Users page
 * names both the account and the user): only that account's users are. No account: any user.
 */
export function foundIn(
  user: ManagedUser | null,
  inAccount: string | undefined,
): user is ManagedUser {
  return user !== null && (inAccount === undefined || user.accountIds.includes(inAccount));
}
