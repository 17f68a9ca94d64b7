import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { BrowserContext, Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import type { DatabaseHandle } from '@/db/database';
import { accountMemberships, invitations, sessions, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { UserStatus } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';

/** The secret the e2e app server runs with (tests/support/playwright-global-setup.ts). */
export const e2eAppSecret = 'e2e-secret-that-is-long-enough-for-the-check-0123456789';
export const e2ePassword = 'correct horse battery staple';
/** The CRON_SECRET of the e2e app server: it also unlocks the detail of /api/health. */
export const e2eCronSecret = 'e2e-cron-secret-that-opens-the-health-detail';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A unique address per call, so tests never collide in the shared database. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.test`;
}

export async function createUser(
  handle: DatabaseHandle,
  options: {
    email?: string;
    hostRole?: HostRole | null;
    status?: UserStatus;
    accountRoles?: { accountId: string; role: AccountRole }[];
    language?: Locale;
  } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail(options.hostRole ?? 'member');
  const status = options.status ?? 'active';
  const [user] = await handle.db
    .insert(users)
    .values({
      email,
      status,
      hostRole: options.hostRole === undefined ? 'admin' : options.hostRole,
      language: options.language ?? 'en',
      passwordHash: status === 'pending' ? null : await hash(e2ePassword),
    })
    .returning({ id: users.id });
  for (const membership of options.accountRoles ?? []) {
    await handle.db.insert(accountMemberships).values({ userId: user!.id, ...membership });
  }
  return { id: user!.id, email, password: e2ePassword };
}

/** A session row for `user` and the JWT next-auth would have put in the cookie for it. */
async function createSessionJwt(
  handle: DatabaseHandle,
  user: TestUser,
  secret: string,
): Promise<{ token: string; jwt: string }> {
  const token = randomBytes(32).toString('base64url');
  await handle.db.insert(sessions).values({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: user.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const jwt = await encode({ token: { sub: user.id, sessionToken: token }, secret });
  return { token, jwt };
}

/**
 * Signs a browser context in as `user` without the UI: a session row plus the cookie the app
 * would have set (the same JWT next-auth writes), for tests about what comes after sign-in.
 */
export async function signInAs(
  handle: DatabaseHandle,
  context: BrowserContext,
  baseURL: string,
  user: TestUser,
): Promise<string> {
  const { token, jwt } = await createSessionJwt(handle, user, e2eAppSecret);
  await context.addCookies([
    { name: 'gatehouse.session', value: jwt, url: baseURL, httpOnly: true, sameSite: 'Lax' },
  ]);
  return token;
}

/** A new host admin of an own instance, signed in through `page`'s browser context. */
export async function signedInHostAdmin(
  instance: { database: DatabaseHandle; url: string },
  page: Page,
): Promise<TestUser> {
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  await signInAs(instance.database, page.context(), instance.url, admin);
  return admin;
}

/** A `Cookie` header value signed in as `user`, for requests made without a browser. */
export async function signInCookie(
  handle: DatabaseHandle,
  user: TestUser,
  secret = e2eAppSecret,
): Promise<string> {
  const { jwt } = await createSessionJwt(handle, user, secret);
  return `gatehouse.session=${jwt}`;
}

/**
 * A pending host standard user with one open invitation, as the invite flow leaves them
 * (or with a link that expired an hour ago). `path` is the link's path on any app server.
 */
export async function createPendingInvitee(
  handle: DatabaseHandle,
  options: { email?: string; expired?: boolean } = {},
): Promise<{ id: string; email: string; path: string }> {
  const email = options.email ?? uniqueEmail('invitee');
  const [user] = await handle.db
    .insert(users)
    .values({ email, status: 'pending', hostRole: 'standard' })
    .returning({ id: users.id });
  const token = randomBytes(32).toString('base64url');
  await handle.db.insert(invitations).values({
    userId: user!.id,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    expiresAt: new Date(Date.now() + (options.expired ? -1 : 72) * 3_600_000),
  });
  return { id: user!.id, email, path: `/invite/${token}` };
}
