import { hash } from '@node-rs/argon2';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, invitations, outbox, sessions, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import type { UserStatus } from '@/db/schema';
import type { AccountStatus } from '@/db/schema';

// Users, accounts and roles written straight to an integration test's database, and readers of
// the rows the domain functions under test write: set-up and checks that are not under test.

let unusedHash: Promise<string> | undefined;

/** The hash of a password no test signs in with, computed once: argon2 is slow on purpose. */
export function unusedPasswordHash(): Promise<string> {
  unusedHash ??= hash('unused password 1');
  return unusedHash;
}

/** Name, status and flags of one account, or undefined once it is deleted. */
export async function readStoredAccount(db: Database, accountId: string) {
  const [row] = await db
    .select({
      name: accounts.name,
      status: accounts.status,
      managed: accounts.managed,
      delegatedUserManagement: accounts.delegatedUserManagement,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row;
}

/**
 * The fixtures bound to a test file's database (`db` is a getter: the database exists only
 * inside tests and hooks), with a counter of their own that makes every name and address unique.
 */
export function directoryFixtures(db: () => Database) {
  let counter = 0;

  /** `label` followed by a number no earlier call returned: `list7`. */
  const nextTag = (label: string) => `${label}${++counter}`;
  /** A unique address at example.test: `user7@example.test`. */
  const nextEmail = (label: string) => `${nextTag(label)}@example.test`;
  /** A unique account name: `Account 7`. */
  const nextName = (label: string) => `${label} ${++counter}`;

  /** A user straight in the database, returned as the session would see them. */
  async function makeUser(
    hostRole: HostRole | null,
    roles: [string, AccountRole][] = [],
    options: { email?: string; status?: UserStatus } = {},
  ): Promise<SessionUser> {
    const email = options.email ?? nextEmail('user');
    const status = options.status ?? 'active';
    const passwordHash = status === 'pending' ? null : await unusedPasswordHash();
    const [row] = await db()
      .insert(users)
      .values({ email, status, hostRole, passwordHash })
      .returning({ id: users.id });
    for (const [accountId, role] of roles) {
      await db().insert(accountMemberships).values({ userId: row!.id, accountId, role });
    }
    return { id: row!.id, email, language: 'en', hostRole, accountRoles: new Map(roles) };
  }

  /** An account straight in the database (managed and active unless told), returning its id. */
  async function makeAccount(
    options: {
      managed?: boolean;
      name?: string;
      delegatedUserManagement?: boolean;
      status?: AccountStatus;
    } = {},
  ) {
    const [row] = await db()
      .insert(accounts)
      .values({
        name: options.name ?? nextName('Account'),
        managed: options.managed ?? true,
        delegatedUserManagement: options.delegatedUserManagement ?? false,
        status: options.status ?? 'active',
      })
      .returning({ id: accounts.id });
    return row!.id;
  }

  /** Name, status and flags of one account, or undefined once it is deleted. */
  const readAccount = (accountId: string) => readStoredAccount(db(), accountId);

  /** What one user's row says of them, or undefined once they are removed. */
  async function readUser(userId: string) {
    const [row] = await db()
      .select({
        email: users.email,
        status: users.status,
        hostRole: users.hostRole,
        language: users.language,
        lastAccountId: users.lastAccountId,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  /** Who holds a role in an account, and which, by user id. */
  function membersOf(accountId: string) {
    return db()
      .select({ userId: accountMemberships.userId, role: accountMemberships.role })
      .from(accountMemberships)
      .where(eq(accountMemberships.accountId, accountId))
      .orderBy(asc(accountMemberships.userId));
  }

  /** The accounts a user holds a role in, and which, by account id. */
  function rolesOf(userId: string) {
    return db()
      .select({ accountId: accountMemberships.accountId, role: accountMemberships.role })
      .from(accountMemberships)
      .where(eq(accountMemberships.userId, userId))
      .orderBy(asc(accountMemberships.accountId));
  }

  /** The outbox rows addressed to a user, oldest first. */
  function emailsTo(userId: string) {
    return db()
      .select({
        id: outbox.id,
        kind: outbox.kind,
        recipient: outbox.recipient,
        language: outbox.language,
        status: outbox.status,
        payload: outbox.payloadEncrypted,
      })
      .from(outbox)
      .where(eq(outbox.recipientUserId, userId))
      .orderBy(asc(outbox.createdAt), asc(outbox.kind));
  }

  /** Every row the directory functions may write, to show that a refusal changed nothing. */
  async function snapshot() {
    return {
      accounts: await db().select().from(accounts).orderBy(asc(accounts.id)),
      users: await db()
        .select({ id: users.id, status: users.status, role: users.hostRole, at: users.updatedAt })
        .from(users)
        .orderBy(asc(users.id)),
      memberships: await db()
        .select()
        .from(accountMemberships)
        .orderBy(asc(accountMemberships.userId), asc(accountMemberships.accountId)),
      sessions: await db().select().from(sessions).orderBy(asc(sessions.tokenHash)),
      invitations: await db().select().from(invitations).orderBy(asc(invitations.id)),
      outbox: await db()
        .select({ id: outbox.id, status: outbox.status, payload: outbox.payloadEncrypted })
        .from(outbox)
        .orderBy(asc(outbox.id)),
    };
  }

  return {
    nextTag,
    nextEmail,
    nextName,
    makeUser,
    makeAccount,
    readAccount,
    readUser,
    membersOf,
    rolesOf,
    emailsTo,
    snapshot,
  };
}
