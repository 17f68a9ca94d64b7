import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Locator, Page } from '@playwright/test';
import { accountMemberships, accounts, outbox, users } from '@/db/schema';
import type { DatabaseHandle } from '@/db/database';
import { expectNoSeriousA11yViolations } from '../support/axe';
import {
  accountRow,
  browserOf,
  insertAccount,
  storedAccount,
  uniqueAccountName,
} from '../support/e2e-accounts';
import { expect, test } from '../support/e2e-fixtures';
import { uniqueEmail } from '../support/e2e-users';

// Accounts on the shared instance, whose SMTP switch stays off: Add account, Manage (rename,
// deactivate / activate, delete), an account's overview and Users page, delegated user
// management, and the header's account picker. Other workers add accounts meanwhile, so every
// test finds its own rows by their unique names.

const inviteLink = (baseURL: string) =>
  new RegExp(`^http://localhost:${new URL(baseURL).port}/invite/[\\w-]{43}$`);

/** The Accounts page, searched for `name` when given: other workers' accounts fill its pages. */
async function openAccounts(page: Page, name?: string) {
  await page.goto(name ? `/accounts?q=${encodeURIComponent(name)}` : '/accounts');
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
}

async function openAddAccount(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openManage(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Manage ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Manage ${name}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openEditUser(page: Page, email: string): Promise<Locator> {
  await page.getByRole('button', { name: `Edit ${email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function expectForbidden(page: Page, path: string) {
  expect((await page.goto(path))?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
}

async function membershipsOf(database: DatabaseHandle, userId: string) {
  return database.db
    .select({ accountId: accountMemberships.accountId, role: accountMemberships.role })
    .from(accountMemberships)
    .where(eq(accountMemberships.userId, userId));
}

async function roleIn(database: DatabaseHandle, accountId: string, userId: string) {
  const [row] = await database.db
    .select({ role: accountMemberships.role })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)));
  return row?.role;
}

async function statusOf(database: DatabaseHandle, userId: string) {
  const [row] = await database.db
    .select({ status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  return row?.status;
}

test('a host admin adds a managed account they administer; host standard and view users open it', async ({
  page,
  browser,
  baseURL,
  hostAdmin,
  makeUser,
  database,
}) => {
  const name = uniqueAccountName('Bäckerei');
  await openAccounts(page, name);
  await expectNoSeriousA11yViolations(page);
  const dialog = await openAddAccount(page);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Account name').fill(name);
  await expect(dialog.getByRole('radio', { name: 'I will administer it' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create account' }).click();

  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('main').getByText(`${name} is added, and you are its admin.`),
  ).toBeVisible();
  const row = accountRow(page, name);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Managed');
  await expect(row).toContainText('Your role: Admin');
  await expect(row.getByRole('link', { name: 'See details' })).toBeVisible();
  const [created] = await database.db
    .select({ id: accounts.id, status: accounts.status, managed: accounts.managed })
    .from(accounts)
    .where(eq(accounts.name, name));
  expect(created).toMatchObject({ status: 'active', managed: true });
  expect(await membershipsOf(database, hostAdmin.id)).toEqual([
    { accountId: created!.id, role: 'admin' },
  ]);

  // The notice links to the new account: its overview, as its admin.
  await page.getByRole('link', { name: `Open ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${created!.id}$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Admin in this account');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Users' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A host standard user opens it through their host role: settings, but not its users.
  const standard = await browserOf(
    browser,
    database,
    baseURL!,
    await makeUser({ hostRole: 'standard' }),
  );
  expect((await standard.page.goto(`/accounts/${created!.id}`))?.status()).toBe(200);
  await expect(standard.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(standard.page.getByRole('main')).toContainText(
    'Through your host role (Host standard)',
  );
  await expect(standard.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(standard.page.getByRole('main').getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expectForbidden(standard.page, `/accounts/${created!.id}/users`);
  await standard.context.close();

  // A host view user sees it and changes nothing.
  const viewer = await browserOf(browser, database, baseURL!, await makeUser({ hostRole: 'view' }));
  expect((await viewer.page.goto(`/accounts/${created!.id}`))?.status()).toBe(200);
  await expect(viewer.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(viewer.page.getByRole('main')).toContainText(
    'Through your host role (Host view only)',
  );
  await expect(viewer.page.getByRole('heading', { name: 'About this account' })).toBeVisible();
  await expect(viewer.page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await expect(viewer.page.getByRole('main').getByRole('link', { name: 'Users' })).toHaveCount(0);
  await viewer.context.close();
});

test('SMTP off: "Invite its administrator" shows the link to copy and sends nothing', async ({
  page,
  baseURL,
  hostAdmin: _admin,
  database,
}) => {
  const name = uniqueAccountName('Werft');
  const email = uniqueEmail('first-admin');
  await openAccounts(page, name);
  const dialog = await openAddAccount(page);
  await dialog.getByLabel('Account name').fill(name);
  await dialog.getByRole('radio', { name: 'Invite its administrator' }).check();
  await expect(dialog).toContainText(
    'Email is off on this instance: you will get a link to share with them yourself.',
  );
  await dialog.getByLabel('Administrator’s email').fill(email);
  await dialog.getByRole('button', { name: 'Create account' }).click();

  await expect(
    dialog.getByText(
      `${name} is added. It stays in setup until ${email} sets a password; then it becomes active.`,
    ),
  ).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Invitation link' })).toHaveValue(
    inviteLink(baseURL!),
  );
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(dialog).toContainText(
    `Email is off on this instance, so nothing was sent. Copy the link and share it with ${email} yourself.`,
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const row = accountRow(page, name);
  await expect(row).toContainText('Setup in progress');
  await expect(row).toContainText('Unmanaged');
  await expect(row.getByRole('link', { name: 'See details' })).toHaveCount(0);
  const [invitee] = await database.db
    .select({ id: users.id, status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(eq(users.email, email));
  expect(invitee).toMatchObject({ status: 'pending', hostRole: null });
  const [created] = await database.db
    .select({ id: accounts.id, status: accounts.status, managed: accounts.managed })
    .from(accounts)
    .where(eq(accounts.name, name));
  expect(created).toMatchObject({ status: 'setup', managed: false });
  expect(await membershipsOf(database, invitee!.id)).toEqual([
    { accountId: created!.id, role: 'admin' },
  ]);
  const queued = await database.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.recipient, email));
  expect(queued).toEqual([]);
});

test('Add account refuses an empty name and a name taken in another case, creating nothing', async ({
  page,
  hostAdmin,
  database,
}) => {
  const taken = await insertAccount(database, { managed: true });
  await openAccounts(page);
  const dialog = await openAddAccount(page);
  const nameField = dialog.getByLabel('Account name');

  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/Fill in this field\./);

  await nameField.fill(taken.name.toUpperCase());
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(nameField).toHaveAccessibleDescription(
    /Another account already has this name\. Choose a different name\./,
  );
  await expect(dialog).toBeVisible();

  // "I will administer it" would have made the admin a member of whatever it created.
  expect(await membershipsOf(database, hostAdmin.id)).toEqual([]);
  const sameName = await database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.name, taken.name.toUpperCase()));
  expect(sameName).toEqual([]);
});

test('Rename refuses a name taken in another case and changes nothing; then renames', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  const account = await insertAccount(database, { managed: true });
  const other = await insertAccount(database, { managed: false });
  await openAccounts(page, account.name);
  const dialog = await openManage(page, account.name);
  const nameField = dialog.getByLabel('Account name', { exact: true });
  await expect(nameField).toHaveValue(account.name);

  await nameField.fill(other.name.toLowerCase());
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(nameField).toHaveAccessibleDescription(
    /Another account already has this name\. Choose a different name\./,
  );
  expect((await storedAccount(database, account.id))?.name).toBe(account.name);
  expect((await storedAccount(database, other.id))?.name).toBe(other.name);

  // Found by the search the page was opened with, like the name it replaces.
  const renamed = `Renamed ${account.name}`;
  await nameField.fill(renamed);
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  const renamedDialog = page.getByRole('dialog', { name: `Manage ${renamed}` });
  await expect(
    renamedDialog.getByRole('status').filter({ hasText: `Renamed to ${renamed}.` }),
  ).toBeVisible();
  expect((await storedAccount(database, account.id))?.name).toBe(renamed);
  await renamedDialog.getByRole('button', { name: 'Close' }).click();
  await expect(accountRow(page, renamed)).toBeVisible();
  await expect(accountRow(page, account.name, { exact: true })).toHaveCount(0);

  // A name the search no longer finds takes the row and its dialog away: the page says where
  // it went, and links to it.
  const elsewhere = `Elsewhere ${randomBytes(4).toString('hex')}`;
  const again = await openManage(page, renamed);
  await again.getByLabel('Account name', { exact: true }).fill(elsewhere);
  await again.getByRole('button', { name: 'Rename', exact: true }).click();
  // Focus moves to the notice: the control that had it left with the row.
  await expect(page.locator(':focus')).toContainText(
    `Renamed to ${elsewhere}. It no longer matches the search, so it left this list.`,
  );
  await expect(accountRow(page, elsewhere)).toHaveCount(0);
  await page.getByRole('link', { name: `Show ${elsewhere}` }).click();
  await expect(accountRow(page, elsewhere)).toBeVisible();
});

test('Deactivate closes the account to everyone, its own users too; Activate opens it again', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeAccountMember,
  database,
}) => {
  const account = await insertAccount(database, { managed: true });
  const member = await makeAccountMember(account, 'admin');
  await openAccounts(page, account.name);
  await expect(
    accountRow(page, account.name).getByRole('link', { name: 'See details' }),
  ).toBeVisible();
  let dialog = await openManage(page, account.name);
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Deactivated. Nobody can open it now.' }),
  ).toBeVisible();
  expect((await storedAccount(database, account.id))?.status).toBe('deactivated');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = accountRow(page, account.name);
  await expect(row).toContainText('Deactivated');
  await expect(row).toContainText('Can’t be opened while deactivated');
  await expect(row.getByRole('link', { name: 'See details' })).toHaveCount(0);

  const closed =
    'This account is deactivated. Nobody can open it until a host user activates it from Accounts.';
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { name: account.name, level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(closed);
  await expect(page.getByRole('heading', { name: 'About this account' })).toHaveCount(0);

  // Its own admin sees the same notice, on the overview and on its Users page.
  const own = await browserOf(browser, database, baseURL!, member);
  await own.page.goto(`/accounts/${account.id}`);
  await expect(own.page.getByRole('main')).toContainText(closed);
  await expect(own.page.getByRole('heading', { name: 'About this account' })).toHaveCount(0);
  await expect(own.page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await own.page.goto(`/accounts/${account.id}/users`);
  await expect(own.page.getByRole('main')).toContainText(closed);
  await expect(own.page.getByRole('button', { name: 'Invite a user' })).toHaveCount(0);

  await openAccounts(page, account.name);
  dialog = await openManage(page, account.name);
  await dialog.getByRole('button', { name: 'Activate' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Activated\.$/ })).toBeVisible();
  expect((await storedAccount(database, account.id))?.status).toBe('active');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(accountRow(page, account.name)).toContainText('Active');

  await own.page.goto(`/accounts/${account.id}`);
  await expect(own.page.getByRole('heading', { name: 'About this account' })).toBeVisible();
  await expect(own.page.getByRole('main')).not.toContainText(closed);
  await own.context.close();
});

test('Delete wants the exact name; it removes the account and deactivates whoever had no other role', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeUser,
  makeAccountMember,
  database,
}) => {
  const account = await insertAccount(database, { managed: true });
  const elsewhere = await insertAccount(database, { managed: true });
  const onlyHere = await makeAccountMember(account, 'standard');
  const alsoElsewhere = await makeUser({
    hostRole: null,
    accountRoles: [
      { accountId: account.id, role: 'admin' },
      { accountId: elsewhere.id, role: 'view' },
    ],
  });
  const member = await browserOf(browser, database, baseURL!, onlyHere);
  await member.page.goto(`/accounts/${account.id}`);
  await expect(member.page.getByRole('heading', { name: 'About this account' })).toBeVisible();

  await openAccounts(page, account.name);
  const dialog = await openManage(page, account.name);
  await expect(dialog).toContainText(`Deletes ${account.name} and every role in it (2 users`);
  const confirm = dialog.getByLabel('Type the account name to confirm');
  const deleteButton = dialog.getByRole('button', { name: `Delete ${account.name}` });

  await confirm.fill(account.name.toLowerCase());
  await deleteButton.click();
  await expect(confirm).toHaveAccessibleDescription(
    /The name you typed does not match\. Type the account’s name exactly as shown to delete it\./,
  );
  expect(await storedAccount(database, account.id)).toBeDefined();
  expect(await statusOf(database, onlyHere.id)).toBe('active');

  await confirm.fill(account.name);
  await deleteButton.click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('main')
      .getByText(`${account.name} is deleted. 1 user had no other role and is now deactivated.`),
  ).toBeVisible();
  await expect(accountRow(page, account.name)).toHaveCount(0);
  expect(await storedAccount(database, account.id)).toBeUndefined();
  expect(await statusOf(database, onlyHere.id)).toBe('deactivated');
  expect(await statusOf(database, alsoElsewhere.id)).toBe('active');
  expect(await membershipsOf(database, alsoElsewhere.id)).toEqual([
    { accountId: elsewhere.id, role: 'view' },
  ]);

  // Whoever lost their only role is signed out: their next request lands on sign-in.
  await member.page.goto('/dashboard');
  await expect(member.page).toHaveURL(/\/sign-in/);
  await member.context.close();
});

test('an account admin renames their account from its overview, then deletes it and is signed out', async ({
  page,
  makeAccountMember,
  signIn,
  database,
}) => {
  const account = await insertAccount(database, { managed: false });
  const admin = await makeAccountMember(account, 'admin');
  await signIn(admin);
  await page.goto(`/accounts/${account.id}`);
  const settings = page.getByRole('region', { name: 'Settings', exact: true });

  // Found by the search the page was opened with, like the name it replaces.
  const renamed = `Renamed ${account.name}`;
  await settings.getByLabel('Account name', { exact: true }).fill(renamed);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(
    settings
      .getByRole('status')
      .filter({ hasText: `Saved. The account is now called ${renamed}.` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();
  expect((await storedAccount(database, account.id))?.name).toBe(renamed);

  // Their only account: deleting it deactivates them, and they land on sign-in.
  await expect(settings).toContainText(
    'This is your only account: deleting it deactivates you too, and you are signed out.',
  );
  const confirm = settings.getByLabel('Type the account name to confirm');
  await confirm.fill(account.name);
  await settings.getByRole('button', { name: `Delete ${renamed}` }).click();
  await expect(confirm).toHaveAccessibleDescription(/The name you typed does not match\./);
  expect(await storedAccount(database, account.id)).toBeDefined();

  await confirm.fill(renamed);
  await settings.getByRole('button', { name: `Delete ${renamed}` }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await storedAccount(database, account.id)).toBeUndefined();
  expect(await statusOf(database, admin.id)).toBe('deactivated');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an account admin invites a user, changes a role and revokes a user on the account’s Users page', async ({
  page,
  browser,
  baseURL,
  makeAccountMember,
  signIn,
  database,
}) => {
  const account = await insertAccount(database, { managed: false });
  const admin = await makeAccountMember(account, 'admin');
  const standard = await makeAccountMember(account, 'standard');
  const viewer = await makeAccountMember(account, 'view');
  await signIn(admin);

  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/users$`));
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Their own row offers nothing to change: nobody edits or revokes their own access.
  await expect(page.getByRole('row', { name: new RegExp(admin.email) })).toContainText('(you)');
  await expect(page.getByRole('button', { name: `Edit ${admin.email}` })).toHaveCount(0);

  // Invite with the role Standard: the link is shown to share by hand.
  const email = uniqueEmail('account-user');
  await page.getByRole('button', { name: 'Invite a user' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel(`Role in ${account.name}`).selectOption({ label: 'Standard' });
  await expectNoSeriousA11yViolations(page);
  await invite.getByRole('button', { name: 'Continue' }).click();
  const invited = page.getByRole('dialog', { name: `${email} is invited` });
  await expect(invited.getByRole('textbox', { name: 'Invitation link' })).toHaveValue(
    inviteLink(baseURL!),
  );
  await expect(invited).toContainText('nothing was sent');
  await invited.getByRole('button', { name: 'Done' }).click();
  const invitedRow = page.getByRole('row', { name: new RegExp(email) });
  await expect(invitedRow).toContainText('Pending');
  await expect(invitedRow).toContainText('Standard');
  const [stored] = await database.db
    .select({ id: users.id, status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(eq(users.email, email));
  expect(stored).toMatchObject({ status: 'pending', hostRole: null });
  expect(await membershipsOf(database, stored!.id)).toEqual([
    { accountId: account.id, role: 'standard' },
  ]);

  // Standard becomes View only.
  const edit = await openEditUser(page, standard.email);
  await edit.getByLabel(`Role in ${account.name}`).selectOption({ label: 'View only' });
  await edit.getByRole('button', { name: 'Save role' }).click();
  await expect(
    edit.getByRole('status').filter({ hasText: 'Role saved. It applies from their next click.' }),
  ).toBeVisible();
  expect(await roleIn(database, account.id, standard.id)).toBe('view');
  await edit.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: new RegExp(standard.email) })).toContainText(
    'View only',
  );

  // The view user is revoked: with no other role, they leave the instance.
  const revoke = await openEditUser(page, viewer.email);
  await revoke.getByRole('button', { name: 'Revoke…' }).click();
  await expect(revoke).toContainText(`Revoke ${viewer.email} from ${account.name}?`);
  await revoke.getByRole('button', { name: `Revoke ${viewer.email}` }).click();
  await expect(revoke).toBeHidden();
  await expect(
    page.getByText(
      `${viewer.email} was removed from ${account.name} and, having no other role, from this instance.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(viewer.email) })).toHaveCount(0);
  expect(await statusOf(database, viewer.id)).toBeUndefined();

  // Neither a standard nor a view user of the account may open its Users page.
  const accountStandard = await makeAccountMember(account, 'standard');
  for (const user of [accountStandard, standard]) {
    const other = await browserOf(browser, database, baseURL!, user);
    await other.page.goto(`/accounts/${account.id}`);
    await expect(other.page.getByRole('heading', { name: 'About this account' })).toBeVisible();
    await expectForbidden(other.page, `/accounts/${account.id}/users`);
    await other.context.close();
  }
});

test('the last admin of an account can be neither demoted nor revoked', async ({
  page,
  hostAdmin: _admin,
  makeAccountMember,
  database,
}) => {
  // Only someone else can try: the host admin of a managed account whose one admin is theirs.
  const account = await insertAccount(database, { managed: true });
  const onlyAdmin = await makeAccountMember(account, 'admin');
  const refusal = `This is the only admin of: ${account.name}. Give someone else the Admin role there first.`;
  await page.goto(`/accounts/${account.id}/users`);
  const dialog = await openEditUser(page, onlyAdmin.email);

  const role = dialog.getByRole('region', { name: 'Role', exact: true });
  await role.getByLabel(`Role in ${account.name}`).selectOption({ label: 'Standard' });
  await role.getByRole('button', { name: 'Save role' }).click();
  await expect(role.getByRole('alert')).toHaveText(refusal);
  expect(await roleIn(database, account.id, onlyAdmin.id)).toBe('admin');

  const revoke = dialog.getByRole('region', { name: 'Revoke', exact: true });
  await revoke.getByRole('button', { name: 'Revoke…' }).click();
  await revoke.getByRole('button', { name: `Revoke ${onlyAdmin.email}` }).click();
  await expect(revoke.getByRole('alert')).toHaveText(refusal);
  await expect(dialog).toBeVisible();
  expect(await roleIn(database, account.id, onlyAdmin.id)).toBe('admin');
  expect(await statusOf(database, onlyAdmin.id)).toBe('active');

  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(onlyAdmin.email) })).toContainText('Admin');
});

test('an unmanaged account’s admin delegates user management to the host and takes it back', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeAccountMember,
  database,
}) => {
  const account = await insertAccount(database, { managed: false });
  const accountAdmin = await makeAccountMember(account, 'admin');
  const member = await makeAccountMember(account, 'standard');
  const usersPath = `/accounts/${account.id}/users`;

  // Before: the host admin sees none of its users and may not open its Users page.
  await page.goto(`/users?q=${encodeURIComponent(member.email)}`);
  await expect(page.getByText(`No user matches “${member.email}”`)).toBeVisible();
  await expectForbidden(page, usersPath);

  const own = await browserOf(browser, database, baseURL!, accountAdmin);
  await own.page.goto(`/accounts/${account.id}`);
  await expect(own.page.getByRole('heading', { name: 'Delegated user management' })).toBeVisible();
  await expect(own.page.getByRole('main')).toContainText(
    'Now: only this account’s admins manage its users.',
  );
  await expectNoSeriousA11yViolations(own.page);
  const delegation = own.page.getByRole('region', { name: 'Delegated user management' });
  const choice = delegation.getByLabel('Let host admins manage this account’s users');
  await choice.check();
  await delegation.getByRole('button', { name: 'Save' }).click();
  await expect(
    delegation
      .getByRole('status')
      .filter({ hasText: 'Saved: host admins can now manage this account’s users.' }),
  ).toBeVisible();
  expect((await storedAccount(database, account.id))?.delegatedUserManagement).toBe(true);

  // Now the host admin finds its users on the host Users page and opens its Users page.
  await page.goto(`/users?q=${encodeURIComponent(member.email)}`);
  await expect(page.getByRole('row', { name: new RegExp(member.email) })).toContainText(
    `${account.name} (Standard)`,
  );
  // The host Users page's account picker shows that account's users alone.
  await page.goto('/users');
  await page.getByLabel('Show the users of').selectOption({ label: account.name });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`account=${account.id}`));
  await expect(page.getByText('2 users')).toBeVisible();
  // Listed by email.
  const listed = [accountAdmin.email, member.email].sort();
  await expect(page.getByRole('rowheader')).toHaveText(listed.map((email) => new RegExp(email)));
  await page.getByRole('link', { name: `Open the Users page of ${account.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`${usersPath}$`));
  expect((await page.goto(usersPath))?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(member.email) })).toContainText('Standard');
  await expect(page.getByRole('button', { name: `Edit ${member.email}` })).toBeVisible();

  // Taken back: the page is closed to them again.
  await own.page.reload();
  await expect(own.page.getByRole('main')).toContainText(
    'Now: host admins can manage this account’s users.',
  );
  await choice.uncheck();
  await delegation.getByRole('button', { name: 'Save' }).click();
  await expect(
    delegation
      .getByRole('status')
      .filter({ hasText: 'Saved: only this account’s admins manage its users now.' }),
  ).toBeVisible();
  expect((await storedAccount(database, account.id))?.delegatedUserManagement).toBe(false);
  await own.context.close();
  await expectForbidden(page, usersPath);
});

test('the account picker switches between a user’s accounts and remembers the last one', async ({
  page,
  makeUser,
  signIn,
  database,
}) => {
  const first = await insertAccount(database, { managed: false, name: uniqueAccountName('Alpha') });
  const second = await insertAccount(database, {
    managed: true,
    name: uniqueAccountName('Beta'),
  });
  const user = await makeUser({
    hostRole: null,
    accountRoles: [
      { accountId: first.id, role: 'admin' },
      { accountId: second.id, role: 'view' },
    ],
  });
  await signIn(user);
  await page.goto('/dashboard');
  const header = page.getByRole('banner');
  // The header's <details> menus: the account picker is the one whose summary names an account.
  const picker = header
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: /^Account: / }) });
  const summary = picker.locator('summary');
  await expect(summary).toHaveText('Account: Choose an account');

  await summary.click();
  await expect(picker.getByRole('link', { name: first.name })).toContainText('Admin');
  await expect(picker.getByRole('link', { name: second.name })).toContainText('View only');
  await picker.getByRole('link', { name: first.name }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${first.id}$`));
  await expect(page.getByRole('heading', { name: first.name, level: 1 })).toBeVisible();
  await expect(summary).toHaveText(`Account: ${first.name}`);

  await summary.click();
  await picker.getByRole('link', { name: second.name }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${second.id}$`));
  await expect(page.getByRole('heading', { name: second.name, level: 1 })).toBeVisible();
  await expect(summary).toHaveText(`Account: ${second.name}`);

  // The dashboard starts from the account opened last (Beta, though Alpha comes first by
  // name), and so does the picker.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Your accounts' })).toBeVisible();
  const cards = page.getByRole('main').getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText(second.name);
  await expect(cards.first()).toContainText('Opened last');
  await expect(cards.nth(1)).toContainText(first.name);
  await expect(cards.nth(1)).not.toContainText('Opened last');
  await expect(summary).toHaveText(`Account: ${second.name}`);
  const [stored] = await database.db
    .select({ lastAccountId: users.lastAccountId })
    .from(users)
    .where(eq(users.id, user.id));
  expect(stored?.lastAccountId).toBe(second.id);
});
