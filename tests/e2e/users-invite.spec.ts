import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { uniqueEmail } from '../support/e2e-users';

// The Users page on the shared instance, whose SMTP switch stays off: links are shared by hand.

test('SMTP off: a host admin invites a host user, copies the link, and the invitee signs up', async ({
  page,
  browser,
  baseURL,
  context,
  hostAdmin,
  database,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const email = uniqueEmail('Invitee').toUpperCase();
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(hostAdmin.email) })).toContainText('(you)');

  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await expect(dialog).toContainText('Email is off on this instance');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Host role', { exact: true }).selectOption('standard');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Continue' }).click();

  const done = page.getByRole('dialog', { name: `${email.toLowerCase()} is invited` });
  await expect(done).toContainText('nothing was sent');
  const link = await done.getByLabel('Invitation link').inputValue();
  // Built from the configured base URL (here the default, localhost and the port), never from
  // the Host header the browser sent (127.0.0.1).
  expect(link).toMatch(
    new RegExp(`^http://localhost:${new URL(baseURL!).port}/invite/[\\w-]{43}$`),
  );
  await done.getByRole('button', { name: 'Copy link' }).click();
  await expect(done.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await done.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row', { name: new RegExp(email.toLowerCase()) });
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('Host standard');
  await expect(row).toContainText(/Expires/);

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext({ baseURL });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(link).pathname);
  await inviteePage.getByLabel('Password', { exact: true }).fill('lantern orbit meadow 42');
  await inviteePage.getByLabel('Confirm password').fill('lantern orbit meadow 42');
  await inviteePage.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(inviteePage).toHaveURL(/\/dashboard$/);
  const [stored] = await database.db
    .select({ status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  expect(stored).toEqual({ status: 'active', hostRole: 'standard' });
  // A host standard may not open the Users page.
  expect((await inviteePage.goto('/users'))?.status()).toBe(403);
  await invitee.close();

  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(email.toLowerCase()) })).toContainText(
    'Active',
  );
});

test('bad input is refused beside its field and creates nothing', async ({
  page,
  hostAdmin,
  makeUser,
  database,
}) => {
  const existing = await makeUser({ hostRole: 'view' });
  await page.goto('/users');
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });

  await dialog.getByLabel('Email').fill('not-an-address');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText('Enter an email address like name@example.com.')).toBeVisible();

  await dialog.getByLabel('Email').fill(existing.email.toUpperCase());
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText(`${existing.email} is already a user`)).toBeVisible();
  // What was typed stays.
  await expect(dialog.getByLabel('Email')).toHaveValue(existing.email.toUpperCase());

  // An individual user needs at least one account.
  await dialog.getByLabel('Email').fill(uniqueEmail('nobody'));
  await dialog.getByText('Individual user', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText('Choose at least one account')).toBeVisible();

  const all = await database.db.select({ email: users.email }).from(users);
  expect(all.filter((user) => user.email.startsWith('nobody-'))).toEqual([]);
  void hostAdmin;
});
