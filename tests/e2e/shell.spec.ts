import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { e2eCronSecret, signInAs } from '../support/e2e-users';

// The console shell, served by the production build on the harness's real PostgreSQL.

test('the shell loads on real PostgreSQL with its navigation', async ({
  page,
  request,
  hostAdmin,
}) => {
  const health = await request.get('/api/health', {
    headers: { authorization: `Bearer ${e2eCronSecret}` },
  });
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { driver: 'postgres' } });

  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveTitle('Dashboard · Gatehouse');
  await expect(page.getByRole('banner')).toContainText(hostAdmin.email);

  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  for (const [name, path, heading] of [
    ['Accounts', '/accounts', 'Accounts'],
    ['Users', '/users', 'Users'],
    ['Host settings', '/settings', 'Host settings'],
    ['Dashboard', '/dashboard', 'Dashboard'],
  ] as const) {
    await navigation.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(navigation.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
});

test('every shell page passes the accessibility check', async ({ page, hostAdmin }) => {
  for (const path of [
    '/dashboard',
    '/accounts',
    '/users',
    '/settings',
    '/settings/general',
    '/settings/smtp',
    '/settings/delivery',
    '/profile',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('banner')).toContainText(hostAdmin.email);
    await expectNoSeriousA11yViolations(page);
  }
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the language switch turns the console German and keeps it in a cookie', async ({
  page,
  context,
  hostAdmin,
  database,
}) => {
  await page.goto('/settings');
  await expect(page.getByRole('banner')).toContainText(hostAdmin.email);
  await page.locator('summary').filter({ hasText: 'User menu' }).click();
  await page.getByRole('button', { name: 'Deutsch' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Host-Einstellungen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const cookie = (await context.cookies()).find((c) => c.name === 'gatehouse-locale');
  expect(cookie).toMatchObject({ value: 'de', sameSite: 'Lax', httpOnly: true });
  // Stored on the user as well: emails to them are written in it.
  const [stored] = await database.db
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, hostAdmin.id));
  expect(stored).toEqual({ language: 'de' });

  // A fresh page load still speaks German: the choice lives in the cookie, not the page.
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a visitor gets the browser's language; a user their stored one on a new browser", async ({
  browser,
  database,
  baseURL,
  makeUser,
}) => {
  const germanBrowser = await browser.newContext({ locale: 'de-DE' });
  const visitor = await germanBrowser.newPage();
  await visitor.goto(`${baseURL}/sign-in`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await germanBrowser.close();

  // No language cookie on this browser, and it prefers English: the user's own choice wins.
  const englishBrowser = await browser.newContext({ locale: 'en-US' });
  await signInAs(database, englishBrowser, baseURL!, await makeUser({ language: 'de' }));
  const page = await englishBrowser.newPage();
  await page.goto(`${baseURL}/dashboard`);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await englishBrowser.close();
});
