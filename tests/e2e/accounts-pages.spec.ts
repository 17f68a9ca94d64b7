import { inArray } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';

// The Accounts page in pages, on an instance of its own holding exactly the accounts seeded
// here: forward and back, the position in the address (reload and Back keep it), the page size,
// search and filters; an account admin pages through their own accounts only.
const test = testOnOwnInstance('accounts_pages');

const seeded = Array.from({ length: 60 }, (_, n) => `Bakery ${String(n).padStart(2, '0')}`);

test.beforeEach(async ({ database }) => {
  await database.db.delete(accounts);
  await database.db
    .insert(accounts)
    .values(seeded.map((name, n) => ({ name, managed: n % 4 !== 3 })));
});

const rowNames = (page: import('@playwright/test').Page) =>
  page.getByRole('table').getByRole('rowheader').allInnerTexts();

test('a host admin pages forward and back; the address keeps the page for reload and Back', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto('/accounts');
  await expect(page.getByText('60 accounts')).toBeVisible();
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual(seeded.slice(0, 50));
  const pages = page.getByRole('navigation', { name: 'Pages of accounts' });
  await expect(pages.getByText('Previous')).toHaveAttribute('aria-disabled', 'true');
  await expectNoSeriousA11yViolations(page);

  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/after=bakery\+49|after=bakery%2049/);
  await expect(page.getByRole('rowheader', { name: 'Bakery 50' })).toBeVisible();
  expect(await rowNames(page)).toHaveLength(10);
  await expect(pages.getByText('Next')).toHaveAttribute('aria-disabled', 'true');
  await page.reload();
  await expect(page.getByRole('rowheader', { name: 'Bakery 59' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('rowheader', { name: 'Bakery 00' })).toBeVisible();

  // 25 a page: to the third page, reload there, and back with Previous.
  await page.getByLabel('Accounts per page').selectOption('25');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('rowheader', { name: 'Bakery 24' })).toBeVisible();
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('rowheader', { name: 'Bakery 25' })).toBeVisible();
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('rowheader', { name: 'Bakery 50' })).toBeVisible();
  await page.reload();
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual(seeded.slice(50));
  await pages.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('rowheader', { name: 'Bakery 25' })).toBeVisible();
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual(seeded.slice(25, 50));
});

test('search by part of the name and filter by management, then clear', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto('/accounts');
  await page.getByLabel('Search accounts by name').fill('ERY 1');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('10 accounts')).toBeVisible();
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual(
    seeded.filter((name) => name.startsWith('Bakery 1')),
  );
  await page.getByLabel('Management').selectOption({ label: 'Unmanaged' });
  await page.getByRole('button', { name: 'Search' }).click();
  // Bakery 11, 15 and 19 are the unmanaged ones among them (every fourth, from 3).
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual([
    'Bakery 11',
    'Bakery 15',
    'Bakery 19',
  ]);
  await page.getByLabel('Search accounts by name').fill('no such bakery');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No account matches')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(page.getByText('60 accounts')).toBeVisible();
  // The form shows the cleared filters too, not the ones chosen before.
  await expect(page.getByLabel('Search accounts by name')).toHaveValue('');
  await expect(page.getByLabel('Management')).toHaveValue('');
});

test('an account admin pages through their own accounts, whatever the address asks', async ({
  page,
  makeUser,
  signIn,
  database,
}) => {
  const own = await database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(inArray(accounts.name, ['Bakery 05', 'Bakery 40']));
  const admin = await makeUser({
    hostRole: null,
    accountRoles: own.map((account) => ({ accountId: account.id, role: 'admin' as const })),
  });
  await signIn(admin);
  for (const address of ['/accounts', '/accounts?after=a', '/accounts?q=bakery&size=100']) {
    await page.goto(address);
    expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual([
      'Bakery 05',
      'Bakery 40',
    ]);
  }
  await page.goto('/accounts?q=Bakery%2006');
  await expect(page.getByText('No account matches')).toBeVisible();
});

test('a member of many accounts finds one from the header picker and the dashboard', async ({
  page,
  makeUser,
  signIn,
  database,
}) => {
  const own = await database.db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.name, seeded.slice(0, 12)));
  const member = await makeUser({
    hostRole: null,
    accountRoles: own.map((account) => ({ accountId: account.id, role: 'view' as const })),
  });
  await signIn(member);
  await page.goto('/dashboard');
  // Eight listed, then a search for the rest, on the dashboard and in the picker alike.
  const card = page.getByRole('main');
  await expect(card.getByRole('listitem')).toHaveCount(8);
  await expect(card.getByRole('link', { name: 'All 12 of your accounts' })).toBeVisible();
  const picker = page
    .getByRole('banner')
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: /^Account: / }) });
  await picker.locator('summary').click();
  await expect(picker.getByRole('listitem')).toHaveCount(8);
  await expect(picker.getByRole('link', { name: 'All 12 accounts' })).toBeVisible();
  await picker.getByLabel('Find an account by name').fill('bakery 1');
  await picker.getByRole('button', { name: 'Find' }).click();
  await expect(page).toHaveURL(/\/accounts\?q=bakery\+1$/);
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual([
    'Bakery 10',
    'Bakery 11',
  ]);

  await page.goto('/dashboard');
  await card.getByLabel('Find one of your accounts by name').fill('Bakery 0');
  await card.getByRole('button', { name: 'Find' }).click();
  expect((await rowNames(page)).map((text) => text.split('\n')[0])).toEqual(seeded.slice(0, 10));
});
