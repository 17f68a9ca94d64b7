import { desc, sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';

// The delivery log in pages, on an instance of its own holding exactly the emails seeded here:
// forward and back, the position in the address (reload and Back keep it), search by recipient
// and filter by status, then clear.
const test = testOnOwnInstance('delivery_pages');

/** The seeded emails' recipients, newest first, as the database orders them. */
let newestFirst: string[] = [];

test.beforeEach(async ({ database }) => {
  await database.db.delete(outbox);
  // 130 emails, five at each instant (ties the order breaks by id); every 13th one failed.
  await database.db.execute(sql`
    insert into outbox (recipient, kind, language, status, created_at)
    select 'mail-' || lpad(n::text, 3, '0') || '@pages.test',
      case when n % 2 = 0 then 'invitation' else 'password-reset' end, 'en',
      (case when n % 13 = 0 then 'failed' else 'sent' end)::outbox_status,
      timestamptz '2024-05-01 09:00:00.000001+00' + (n / 5) * interval '1 minute'
    from generate_series(0, 129) as n`);
  const rows = await database.db
    .select({ recipient: outbox.recipient })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id));
  newestFirst = rows.map((row) => row.recipient);
});

const recipients = (page: import('@playwright/test').Page) =>
  page.getByRole('table').getByRole('rowheader').allInnerTexts();

test('a host admin pages forward and back; the address keeps the page for reload and Back', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto('/settings/delivery');
  await expect(page.getByText('130 emails')).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(0, 50));
  const pages = page.getByRole('navigation', { name: 'Pages of emails' });
  await expect(pages.getByText('Previous')).toHaveAttribute('aria-disabled', 'true');
  await expectNoSeriousA11yViolations(page);

  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByRole('rowheader', { name: newestFirst[50] })).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(50, 100));
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('rowheader', { name: newestFirst[100] })).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(100));
  await expect(pages.getByText('Next')).toHaveAttribute('aria-disabled', 'true');

  // Page 3 again after a reload, and page 2 with Previous, then page 3 with Back.
  const third = page.url();
  await page.reload();
  expect(await recipients(page)).toEqual(newestFirst.slice(100));
  await pages.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('rowheader', { name: newestFirst[50] })).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(50, 100));
  await page.goBack();
  await expect(page).toHaveURL(third);
  await expect(page.getByRole('rowheader', { name: newestFirst[100] })).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(100));

  // 25 a page: four pages to the 100th email.
  await page.getByLabel('Emails per page').selectOption('25');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('rowheader', { name: newestFirst[24] })).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.slice(0, 25));
  for (const start of [25, 50, 75]) {
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page.getByRole('rowheader', { name: newestFirst[start] })).toBeVisible();
  }
  expect(await recipients(page)).toEqual(newestFirst.slice(75, 100));
});

test('search by part of the recipient and filter by status, then clear', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto('/settings/delivery');
  await page.getByLabel('Search emails by recipient').fill('MAIL-01');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('10 emails')).toBeVisible();
  expect(await recipients(page)).toEqual(newestFirst.filter((to) => to.startsWith('mail-01')));
  await expect(page.getByLabel('Search emails by recipient')).toHaveValue('MAIL-01');

  await page.getByLabel('Search emails by recipient').fill('');
  await page.getByLabel('Status').selectOption({ label: 'Failed' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText('10 emails')).toBeVisible();
  const failed = newestFirst.filter((to) => Number(to.slice(5, 8)) % 13 === 0);
  expect(await recipients(page)).toEqual(failed);
  for (const row of await page.getByRole('table').locator('tbody').getByRole('row').all()) {
    await expect(row).toContainText('Failed');
  }
  await expectNoSeriousA11yViolations(page);

  // Failed password resets to mail-0…: search and filter together.
  await page.getByLabel('Search emails by recipient').fill('mail-0');
  await page.getByLabel('Kind').selectOption({ label: 'Password reset' });
  await page.getByRole('button', { name: 'Search' }).click();
  expect(await recipients(page)).toEqual([
    'mail-091@pages.test',
    'mail-065@pages.test',
    'mail-039@pages.test',
    'mail-013@pages.test',
  ]);

  await page.getByLabel('Search emails by recipient').fill('nobody');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No email matches')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(page.getByText('130 emails')).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('');
});

test('says so when the last day is before the first', async ({ page, hostAdmin: _admin }) => {
  await page.goto('/settings/delivery?from=2024-05-02&to=2024-05-01');
  await expect(page.getByText('The “To” day is before the “From” day')).toBeVisible();
  await expect(page.getByText('No email matches')).toBeVisible();
  await page.getByLabel('To (UTC)').fill('2024-05-02');
  await page.getByLabel('From (UTC)').fill('2024-05-01');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('130 emails')).toBeVisible();
});
