import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import type { DatabaseHandle } from '@/db/database';
import { outbox, passwordResets, users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createPendingInvitee, signInAs } from '../support/e2e-users';
import { nextActionRequest } from '../support/next-action-request';

// Reset links on the shared instance (SMTP switch off): a host admin makes one on the Users
// page and shares it by hand; the user sets a new password with it. Every state of a link,
// and the server refusing the action to anyone but a host admin. The Users page is opened
// with `?q=` on this test's own addresses: other workers add users meanwhile.

const newPassword = 'lantern orbit meadow 42';
const forbidden = 'You are not allowed to do this';
const wrongCredentials = 'The email or password is not right';
const resetDone =
  'Your password was changed and you were signed out everywhere. Sign in with the new password.';

async function openEdit(page: Page, email: string) {
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByRole('button', { name: `Edit ${email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The reset links stored for a user, oldest first. */
function resetRows(database: DatabaseHandle, userId: string) {
  return database.db
    .select({
      tokenHash: passwordResets.tokenHash,
      kind: passwordResets.kind,
      createdAt: passwordResets.createdAt,
      expiresAt: passwordResets.expiresAt,
      createdBy: passwordResets.createdBy,
      usedAt: passwordResets.usedAt,
      replacedAt: passwordResets.replacedAt,
    })
    .from(passwordResets)
    .where(eq(passwordResets.userId, userId))
    .orderBy(passwordResets.createdAt);
}

async function passwordHashOf(database: DatabaseHandle, userId: string) {
  const [row] = await database.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.passwordHash;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A browser of the user's own, on the reset page of `link` (opened by its path). */
async function openLink(browser: Browser, baseURL: string, link: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  return { context, page };
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a host admin makes a reset link (nothing is sent), and the user resets with it', async ({
  page,
  browser,
  baseURL,
  context,
  hostAdmin,
  makeUser,
  database,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const target = await makeUser({ hostRole: 'standard' });
  const oldHash = await passwordHashOf(database, target.id);
  // The user is signed in elsewhere: the reset ends that session too.
  const theirs = await browser.newContext({ baseURL });
  await signInAs(database, theirs, baseURL!, target);
  const theirPage = await theirs.newPage();
  await theirPage.goto('/dashboard');
  await expect(theirPage.getByRole('banner')).toContainText(target.email);

  const dialog = await openEdit(page, target.email);
  await expect(dialog.getByRole('heading', { name: 'Password' })).toBeVisible();
  await expect(dialog).toContainText(
    `A reset link lets ${target.email} set a new password. It works once, for 24 hours`,
  );
  await dialog.getByRole('button', { name: 'Make reset link' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Reset link' });
  await expect(linkField).toHaveValue(
    new RegExp(`^http://localhost:${new URL(baseURL!).port}/reset/[\\w-]{43}$`),
  );
  const first = await linkField.inputValue();
  await expect(dialog).toContainText(
    `Email is off on this instance, so nothing was sent. Copy the link and share it with ${target.email} yourself.`,
  );
  await expect(dialog).toContainText('The link works once, until');
  await expectNoSeriousA11yViolations(page);

  // A second press makes a new link; the first one dies.
  await dialog.getByRole('button', { name: 'Make another reset link' }).click();
  await expect(linkField).not.toHaveValue(first);
  await expect(linkField).toHaveValue(/\/reset\/[\w-]{43}$/);
  const link = await linkField.inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Stored only as hashes, made by the admin, living 24 hours; nothing queued to send.
  const token = new URL(link).pathname.split('/').pop()!;
  let rows = await resetRows(database, target.id);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ usedAt: null, replacedAt: expect.any(Date) });
  expect(rows[1]).toMatchObject({
    tokenHash: sha256(token),
    kind: 'admin',
    createdBy: hostAdmin.id,
    usedAt: null,
    replacedAt: null,
  });
  const lifetime = rows[1]!.expiresAt.getTime() - rows[1]!.createdAt.getTime();
  expect(Math.abs(lifetime - 24 * 3_600_000)).toBeLessThan(60_000);
  expect(
    await database.db.select().from(outbox).where(eq(outbox.recipientUserId, target.id)),
  ).toEqual([]);

  // The user, in a fresh browser: the first link was replaced, the newest one works.
  const user = await openLink(browser, baseURL!, first);
  await expect(
    user.page.getByRole('heading', { name: 'This reset link was replaced' }),
  ).toBeVisible();
  await user.page.goto(new URL(link).pathname);
  await expect(user.page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(user.page.getByLabel('Email')).toHaveValue(target.email);
  await expect(user.page.getByLabel('Email')).toHaveAttribute('readonly', '');
  await expectNoSeriousA11yViolations(user.page);

  // The same policy as everywhere: a common password is refused beside its field, and that
  // attempt did not use up the link.
  await user.page.getByLabel('New password', { exact: true }).fill('password1234');
  await user.page.getByLabel('Confirm new password').fill('password1234');
  await user.page.getByRole('button', { name: 'Set new password' }).click();
  await expect(user.page.getByText('This password is too common')).toBeVisible();
  await user.page.getByLabel('New password', { exact: true }).fill(newPassword);
  await user.page.getByLabel('Confirm new password').fill(`${newPassword}!`);
  await user.page.getByRole('button', { name: 'Set new password' }).click();
  await expect(user.page.getByText('The two passwords differ.')).toBeVisible();
  expect((await resetRows(database, target.id))[1]?.usedAt).toBeNull();
  expect(await passwordHashOf(database, target.id)).toBe(oldHash);

  await user.page.getByLabel('New password', { exact: true }).fill(newPassword);
  await user.page.getByLabel('Confirm new password').fill(newPassword);
  await user.page.getByRole('button', { name: 'Set new password' }).click();
  await expect(user.page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(user.page.getByRole('status').filter({ hasText: resetDone })).toBeVisible();

  // The old password no longer works, the new one does.
  await signInWithForm(user.page, target.email, target.password);
  await expect(user.page.getByRole('alert').filter({ hasText: wrongCredentials })).toBeVisible();
  await signInWithForm(user.page, target.email, newPassword);
  await expect(user.page).toHaveURL(/\/dashboard$/);
  await expect(user.page.getByRole('banner')).toContainText(target.email);

  // The link is spent, and the other browser was signed out.
  rows = await resetRows(database, target.id);
  expect(rows[1]?.usedAt).toEqual(expect.any(Date));
  await user.context.clearCookies();
  await user.page.goto(new URL(link).pathname);
  await expect(
    user.page.getByRole('heading', { name: 'This reset link has already been used' }),
  ).toBeVisible();
  await theirPage.goto('/dashboard');
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await user.context.close();
  await theirs.close();

  // With email off, no "password changed" email was queued either.
  expect(
    await database.db.select().from(outbox).where(eq(outbox.recipientUserId, target.id)),
  ).toEqual([]);
});

test('only active users have "Make reset link": pending users get an invite link instead', async ({
  page,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  const pending = await createPendingInvitee(database);
  let dialog = await openEdit(page, pending.email);
  await expect(dialog.getByRole('button', { name: 'Generate invite link' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Make reset link' })).toHaveCount(0);
  await expect(dialog.getByRole('heading', { name: 'Password' })).toHaveCount(0);

  const deactivated = await makeUser({ hostRole: 'standard', status: 'deactivated' });
  dialog = await openEdit(page, deactivated.email);
  await expect(dialog.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Make reset link' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Generate invite link' })).toHaveCount(0);
});

test('expired, tampered and unknown reset links each get their own page and no form', async ({
  page,
  makeUser,
  database,
}) => {
  const user = await makeUser({ hostRole: 'standard' });
  const token = randomBytes(32).toString('base64url');
  expect(token).toMatch(/^[\w-]{43}$/);
  await database.db.insert(passwordResets).values({
    userId: user.id,
    tokenHash: sha256(token),
    kind: 'admin',
    createdAt: new Date(Date.now() - 25 * 3_600_000),
    expiresAt: new Date(Date.now() - 3_600_000),
  });

  await page.goto(`/reset/${token}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This reset link has expired' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Request a new one, or ask a host admin.');
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Request a new reset link' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);

  // Cut short, one character changed, or never made: not valid.
  const changed = (token.startsWith('A') ? 'B' : 'A') + token.slice(1);
  for (const bad of [token.slice(0, -1), changed, randomBytes(32).toString('base64url')]) {
    await page.goto(`/reset/${bad}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This reset link is not valid' }),
    ).toBeVisible();
    await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  }

  // Opening consumed nothing and changed nothing.
  const [row] = await resetRows(database, user.id);
  expect(row).toMatchObject({ usedAt: null, replacedAt: null });
});

/** The next server-action request the page sends, with its id and body. */
test('host standard and view users cannot make reset links by calling the action', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  const first = await makeUser({ hostRole: 'view' });
  const target = await makeUser({ hostRole: 'view' });

  // Captured from the admin's own use, on another user.
  const dialog = await openEdit(page, first.email);
  const request = nextActionRequest(page);
  await dialog.getByRole('button', { name: 'Make reset link' }).click();
  const make = await request;
  await expect(dialog.getByRole('textbox', { name: 'Reset link' })).toBeVisible();
  const body = make.postDataBuffer()!.toString('utf8');
  expect(body).toContain(first.id);
  expect(await resetRows(database, first.id)).toHaveLength(1);

  const callers = [
    { name: 'host standard', role: 'standard' as const },
    { name: 'host view', role: 'view' as const },
    { name: 'signed out', role: null },
  ];
  for (const caller of callers) {
    const context = await browser.newContext({ baseURL });
    if (caller.role)
      await signInAs(database, context, baseURL!, await makeUser({ hostRole: caller.role }));
    for (const userId of [first.id, target.id]) {
      const response = await context.request.post('/users', {
        headers: {
          'next-action': make.headers()['next-action']!,
          'content-type': make.headers()['content-type']!,
        },
        data: Buffer.from(body.replaceAll(first.id, userId), 'utf8'),
      });
      const text = await response.text();
      expect(text, `${caller.name} for ${userId}`).not.toContain('/reset/');
      expect(text, `${caller.name} for ${userId}`).toContain(
        caller.role ? forbidden : 'Your session has ended.',
      );
    }
    await context.close();
  }

  // No new link for either user, and the admin's link still stands.
  const rows = await resetRows(database, first.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ usedAt: null, replacedAt: null });
  expect(await resetRows(database, target.id)).toEqual([]);
});
