import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { launchAppServer, waitForResponse } from '../support/app-server';
import { e2eAppSecret } from '../support/e2e-users';
import { expect, test } from '../support/e2e-fixtures';
import type { Page } from '@playwright/test';

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const genericError = 'The email or password is not right';

// Scoped: Next's route announcer is an alert too.
const throttled = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins' });

test('signs in and out, and returns to the page first asked for', async ({ page, makeUser }) => {
  const user = await makeUser({ hostRole: 'admin' });
  await page.goto('/settings/smtp');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fsmtp$/);

  await signInWithForm(page, user.email.toUpperCase(), user.password);
  await expect(page).toHaveURL(/\/settings\/smtp$/);
  await expect(page.getByRole('banner')).toContainText(user.email);

  await page.locator('summary').filter({ hasText: 'User menu' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('wrong password, unknown, pending and deactivated users get the same answer', async ({
  page,
  makeUser,
}) => {
  const active = await makeUser();
  const pending = await makeUser({ status: 'pending' });
  const deactivated = await makeUser({ status: 'deactivated' });
  await page.goto('/sign-in');
  for (const [email, password] of [
    [active.email, 'not the password at all'],
    ['nobody-here@example.test', active.password],
    [pending.email, active.password],
    [deactivated.email, deactivated.password],
  ]) {
    await signInWithForm(page, email!, password!);
    await expect(page.getByRole('alert').filter({ hasText: genericError })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  }
});

test('throttles repeated failures for an address, across two app instances', async ({
  page,
  makeUser,
}) => {
  const user = await makeUser();
  // A second instance of the app on the same database.
  const second = await launchAppServer({
    DATABASE_URL: process.env.GATEHOUSE_E2E_DATABASE_URL,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'gatehouse-second-')),
    APP_SECRET: e2eAppSecret,
  });
  try {
    await waitForResponse(second);
    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signInWithForm(page, user.email, `wrong password ${attempt}`);
      await expect(page.getByRole('alert').filter({ hasText: genericError })).toBeVisible();
    }
    // The fifth failure, on the other instance, reaches the limit.
    await page.goto(`${second.url}/sign-in`);
    await signInWithForm(page, user.email, 'wrong password 5');
    await expect(throttled(page)).toContainText(
      'Too many failed sign-ins. Try again in 15 minutes',
    );
    // Even the right password is refused while blocked, on either instance.
    await signInWithForm(page, user.email, user.password);
    await expect(throttled(page)).toBeVisible();
    await page.goto('/sign-in');
    await signInWithForm(page, user.email, user.password);
    await expect(throttled(page)).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('a deleted session row or a deactivated user is signed out on the next request', async ({
  page,
  makeUser,
  signIn,
  database,
}) => {
  const user = await makeUser({ hostRole: 'admin' });
  await signIn(user);
  await page.goto('/dashboard');
  await expect(page.getByRole('banner')).toContainText(user.email);

  await database.db.delete(sessions).where(eq(sessions.userId, user.id));
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(user);
  await page.goto('/dashboard');
  await expect(page.getByRole('banner')).toContainText(user.email);
  await database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
  await page.goto('/users');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('"Sign out everywhere" ends the sessions of every browser', async ({
  page,
  browser,
  makeUser,
  signIn,
  database,
  baseURL,
}) => {
  const user = await makeUser();
  await signIn(user);
  const other = await browser.newContext({ baseURL });
  const { signInAs } = await import('../support/e2e-users');
  await signInAs(database, other, baseURL!, user);
  const otherPage = await other.newPage();
  await otherPage.goto('/dashboard');
  await expect(otherPage.getByRole('banner')).toContainText(user.email);

  await page.goto('/dashboard');
  await page.locator('summary').filter({ hasText: 'User menu' }).click();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test('a role without the permission gets 403 for host settings', async ({
  page,
  makeUser,
  signIn,
}) => {
  const viewer = await makeUser({ hostRole: 'view' });
  await signIn(viewer);
  await page.goto('/dashboard');
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation.getByRole('link', { name: 'Accounts' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Host settings' })).toHaveCount(0);
  for (const path of ['/settings', '/settings/smtp', '/users']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
});

test("a sign-in POST without the form's CSRF token is refused", async ({ request, makeUser }) => {
  const user = await makeUser();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email: user.email, password: user.password, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.headers()['set-cookie'] ?? '').not.toContain('gatehouse.session=');
  expect((await response.json()).url).toContain('csrf=true');

  // The same POST with the token next-auth hands its own form signs in: the CSRF check was it.
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const accepted = await request.post('/api/auth/callback/credentials', {
    form: { email: user.email, password: user.password, csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(accepted.headers()['set-cookie']).toContain('gatehouse.session=');
});
