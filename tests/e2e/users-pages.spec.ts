import { eq, like } from 'drizzle-orm';
import { accountMemberships, accounts, users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';

// The host Users page and an account's Users page in pages, on an instance of their own:
// forward and back, the position in the address (reload keeps it), the page size, search and
// filters; an account admin pages through their own account's users only, whatever the address.
const test = testOnOwnInstance('users_pages');

const domain = '@pages.test';
const seeded = Array.from({ length: 60 }, (_, n) => `u-${String(n).padStart(2, '0')}${domain}`);
const hidden = Array.from({ length: 10 }, (_, n) => `h-${n}${domain}`);
const roles = ['admin', 'standard', 'view'] as const;
const statuses = ['active', 'pending', 'deactivated'] as const;
let shared = '';

test.beforeEach(async ({ database }) => {
  await database.db.delete(users).where(like(users.email, `%${domain}`));
  await database.db.delete(accounts);
  const [own, other] = await database.db
    .insert(accounts)
    .values([
      { name: 'Pages Shared', managed: true },
      { name: 'Pages Private', managed: false },
    ])
    .returning({ id: accounts.id });
  shared = own!.id;
  const made = await database.db
    .insert(users)
    .values(
      [...seeded, ...hidden].map((email, n) => ({
        email,
        status: n < 60 ? statuses[n % 3]! : ('active' as const),
        passwordHash: n < 60 && statuses[n % 3] === 'pending' ? null : 'not-a-real-hash',
      })),
    )
    .returning({ id: users.id, email: users.email });
  await database.db.insert(accountMemberships).values(
    made.map((user, n) => ({
      userId: user.id,
      accountId: n < 60 ? own!.id : other!.id,
      role: roles[n % 3]!,
    })),
  );
});

const emails = async (page: import('@playwright/test').Page) =>
  // The viewer's own row adds "(you)" after the address.
  (await page.getByRole('table').getByRole('rowheader').allInnerTexts()).map((text) =>
    text.split('\n')[0]!.replace('(you)', '').trim(),
  );

test('a host admin pages the Users page forward and back; reload keeps the page', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto(`/users?q=${encodeURIComponent(domain)}`);
  await expect(page.getByText(`60 users match “${domain}”`)).toBeVisible();
  expect(await emails(page)).toEqual(seeded.slice(0, 50));
  const pages = page.getByRole('navigation', { name: 'Pages of users' });
  await expect(pages.getByText('Previous')).toHaveAttribute('aria-disabled', 'true');
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Users per page').selectOption('25');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('rowheader', { name: seeded[24] })).toBeVisible();
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('rowheader', { name: seeded[25] })).toBeVisible();
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('rowheader', { name: seeded[50] })).toBeVisible();
  await page.reload();
  expect(await emails(page)).toEqual(seeded.slice(50));
  await expect(pages.getByText('Next')).toHaveAttribute('aria-disabled', 'true');
  await pages.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('rowheader', { name: seeded[25] })).toBeVisible();
  expect(await emails(page)).toEqual(seeded.slice(25, 50));
  await page.goBack();
  await expect(page.getByRole('rowheader', { name: seeded[50] })).toBeVisible();
});

test('a host admin filters users by status and role, then clears', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto(`/users?q=${encodeURIComponent(domain)}`);
  await page.getByLabel('Status').selectOption({ label: 'Pending' });
  await page.getByLabel('Role').selectOption({ label: 'Standard in an account' });
  await page.getByRole('button', { name: 'Search' }).click();
  // Pending are the seeded users 1, 4, 7…; standard 1, 4, 7… as well: 20 of them.
  expect(await emails(page)).toEqual(seeded.filter((_, n) => n % 3 === 1));
  await page.getByLabel('Role').selectOption({ label: 'Admin in an account' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No user matches “@pages.test”')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByLabel('Status')).toHaveValue('');
});

test("an account admin pages their account's users and never sees another account's", async ({
  page,
  makeUser,
  signIn,
}) => {
  const admin = await makeUser({
    hostRole: null,
    email: `a-admin${domain}`,
    accountRoles: [{ accountId: shared, role: 'admin' }],
  });
  await signIn(admin);
  const seen: string[] = [];
  await page.goto(`/accounts/${shared}/users?size=25`);
  const pages = page.getByRole('navigation', { name: 'Pages of users' });
  for (;;) {
    seen.push(...(await emails(page)));
    const next = pages.getByRole('link', { name: 'Next' });
    if ((await next.count()) === 0) break;
    const last = seen.at(-1)!;
    await next.click();
    await expect(page.getByRole('rowheader', { name: last, exact: true })).toHaveCount(0);
  }
  expect(seen).toEqual([`a-admin${domain}`, ...seeded]);
  for (const address of ['?after=h', '?q=h-', `?before=${encodeURIComponent('zzz')}&size=100`]) {
    await page.goto(`/accounts/${shared}/users${address}`);
    const shown = await emails(page);
    expect(shown.some((email) => hidden.includes(email))).toBe(false);
  }
  await page.goto(`/accounts/${shared}/users?q=h-`);
  await expect(page.getByText('No user matches “h-”')).toBeVisible();
  await page.goto(`/accounts/${shared}/users?role=account.admin&status=active`);
  expect(await emails(page)).toEqual([`a-admin${domain}`, ...seeded.filter((_, n) => n % 3 === 0)]);
});

test('a host admin invites an individual user into an account found by name', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await page.goto('/users');
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  const email = `invited${domain}`;
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByText('Individual user', { exact: true }).click();
  // Before anything is typed, the first accounts by name; the unmanaged one is never offered.
  await expect(dialog.getByRole('checkbox', { name: 'Pages Shared' })).toBeVisible();
  const find = dialog.getByLabel('Find an account by name');
  await find.fill('private');
  await expect(
    dialog.getByText('No account you may give roles in matches “private”.'),
  ).toBeVisible();
  await find.fill('SHARED');
  await dialog.getByRole('checkbox', { name: 'Pages Shared' }).check();
  await dialog.getByLabel('Role in Pages Shared').selectOption({ label: 'Standard' });
  // A chosen account stays listed, and chosen, whatever is searched next.
  await find.fill('nothing like it');
  await expect(dialog.getByRole('checkbox', { name: 'Pages Shared' })).toBeChecked();
  // Enter in the search box finds; it does not send the invitation.
  await find.press('Enter');
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('dialog', { name: `${email} is invited` })).toBeVisible();
  const [member] = await database.db
    .select({ role: accountMemberships.role, accountId: accountMemberships.accountId })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(eq(users.email, email));
  expect(member).toEqual({ role: 'standard', accountId: shared });
});
