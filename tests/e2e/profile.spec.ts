import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { users } from '@/db/schema';
import type { DatabaseHandle } from '@/db/database';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { signInAs } from '../support/e2e-users';

// Profile: any signed-in user changes their own password and chooses their language.

const newPassword = 'lantern orbit meadow 42';

async function storedUser(database: DatabaseHandle, id: string) {
  const [row] = await database.db
    .select({ passwordHash: users.passwordHash, language: users.language })
    .from(users)
    .where(eq(users.id, id));
  return row!;
}

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password').fill(confirm);
  await page.getByRole('button', { name: 'Change password' }).click();
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('changing the password signs out other browsers and keeps this one', async ({
  page,
  browser,
  baseURL,
  database,
  makeUser,
  signIn,
}) => {
  const user = await makeUser({ hostRole: 'view' });
  await signIn(user);
  const other = await browser.newContext({ baseURL });
  await signInAs(database, other, baseURL!, user);
  const otherPage = await other.newPage();
  await otherPage.goto('/dashboard');
  await expect(otherPage.getByRole('banner')).toContainText(user.email);

  await page.goto('/dashboard');
  await page.locator('summary').filter({ hasText: 'User menu' }).click();
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const { passwordHash: before } = await storedUser(database, user.id);

  await changePassword(page, 'not my password at all', newPassword);
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(
    'This is not your current password.',
  );
  await changePassword(page, user.password, 'password1234');
  await expect(page.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
    /^This password is too common/,
  );
  await changePassword(page, user.password, newPassword, 'lantern orbit meadow 41');
  await expect(page.getByLabel('Confirm new password')).toHaveAccessibleDescription(
    /^The two passwords differ/,
  );
  expect((await storedUser(database, user.id)).passwordHash).toBe(before);

  await changePassword(page, user.password, newPassword);
  await expect(page.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveValue('');
  const { passwordHash: after } = await storedUser(database, user.id);
  expect(await verify(after!, newPassword)).toBe(true);

  // This browser stays signed in; the other one is signed out.
  await page.reload();
  await expect(page.getByRole('banner')).toContainText(user.email);
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);

  // The old password no longer signs in; the new one does.
  await signInWithForm(otherPage, user.email, user.password);
  await expect(
    otherPage.getByRole('alert').filter({ hasText: 'The email or password is not right' }),
  ).toBeVisible();
  await signInWithForm(otherPage, user.email, newPassword);
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  await expect(otherPage.getByRole('banner')).toContainText(user.email);
  await other.close();
});

test('the chosen language is stored on the user and the page turns German', async ({
  page,
  context,
  database,
  makeUser,
  signIn,
}) => {
  const user = await makeUser({ hostRole: null });
  await signIn(user);
  await page.goto('/profile');
  const language = page.getByRole('region', { name: 'Language' });
  await language.getByRole('button', { name: 'Deutsch' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect((await storedUser(database, user.id)).language).toBe('de');
  const cookie = (await context.cookies()).find((c) => c.name === 'gatehouse-locale');
  expect(cookie?.value).toBe('de');
  await expectNoSeriousA11yViolations(page);

  await page
    .getByRole('region', { name: 'Sprache' })
    .getByRole('button', { name: 'English' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  expect((await storedUser(database, user.id)).language).toBe('en');
});
