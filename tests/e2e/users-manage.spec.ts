import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Page, Request } from '@playwright/test';
import type { DatabaseHandle } from '@/db/database';
import { accountMemberships, accounts, invitations, sessions, users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createPendingInvitee, signInAs } from '../support/e2e-users';
import { nextActionRequest } from '../support/next-action-request';

// Managing users on the Users page of the shared instance (SMTP switch off): new invite links,
// roles, Deactivate / Reactivate, Revoke, search, and the server refusing direct calls. The
// page is opened with `?q=` on this test's own addresses: other workers add users meanwhile.

const forbidden = 'You are not allowed to do this';
const newPassword = 'lantern orbit meadow 42';

async function openUsers(page: Page, search: string) {
  await page.goto(`/users?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
}

/** Opens Edit on `email`'s row (the page must list it) and returns the dialog. */
async function openEdit(page: Page, email: string) {
  await page.getByRole('button', { name: `Edit ${email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

const rowOf = (page: Page, email: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: email }) });

async function storedUser(database: DatabaseHandle, id: string) {
  const [row] = await database.db
    .select({ status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

async function setPassword(page: Page, path: string) {
  await page.goto(path);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm password').fill(newPassword);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
}

test('Generate invite link replaces the old link, and the new one lets the user in', async ({
  page,
  browser,
  baseURL,
  context,
  hostAdmin: _admin,
  database,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const pending = await createPendingInvitee(database);
  await openUsers(page, pending.email);
  await expect(rowOf(page, pending.email)).toContainText('Pending');
  const dialog = await openEdit(page, pending.email);
  await expect(dialog).toContainText('The current link works until');
  await expectNoSeriousA11yViolations(page);

  await dialog.getByRole('button', { name: 'Generate invite link' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkField).toHaveValue(
    new RegExp(`^http://localhost:${new URL(baseURL!).port}/invite/[\\w-]{43}$`),
  );
  const link = await linkField.inputValue();
  expect(new URL(link).pathname).not.toBe(pending.path);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(dialog.getByRole('button', { name: 'Generate another link' })).toBeVisible();

  // One link open, the old one marked replaced.
  const stored = await database.db
    .select({ replacedAt: invitations.replacedAt, usedAt: invitations.usedAt })
    .from(invitations)
    .where(eq(invitations.userId, pending.id));
  expect(stored).toHaveLength(2);
  expect(stored.filter((row) => row.replacedAt === null)).toHaveLength(1);

  // The invitee, in a browser of their own: the old link says why it is dead, the new one works.
  const invitee = await browser.newContext({ baseURL });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(pending.path);
  await expect(
    inviteePage.getByRole('heading', { name: 'This invitation was replaced' }),
  ).toBeVisible();
  await setPassword(inviteePage, new URL(link).pathname);
  await expect(inviteePage).toHaveURL(/\/dashboard$/);
  await invitee.close();
  expect(await storedUser(database, pending.id)).toEqual({
    status: 'active',
    hostRole: 'standard',
  });
});

test('a host admin changes a host user’s host role', async ({
  page,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  const target = await makeUser({ hostRole: 'standard' });
  await openUsers(page, target.email);
  await expect(rowOf(page, target.email)).toContainText('Host standard');
  const dialog = await openEdit(page, target.email);
  const hostRole = dialog.getByLabel('Host role', { exact: true });
  await expect(hostRole).toHaveValue('standard');
  await expect(hostRole.locator('option')).toHaveText(['Admin', 'Standard', 'View only']);

  await hostRole.selectOption({ label: 'View only' });
  await dialog.getByRole('button', { name: 'Save permissions' }).click();
  await expect(
    dialog
      .getByRole('status')
      .filter({ hasText: "Permissions saved. They apply from the user's next click." }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, target.email)).toContainText('Host view only');
  expect(await storedUser(database, target.id)).toEqual({ status: 'active', hostRole: 'view' });

  // Still so after a reload: it came from the database.
  await page.reload();
  await expect(rowOf(page, target.email)).toContainText('Host view only');
});

test('a host admin changes an individual user’s role in a managed account', async ({
  page,
  hostAdmin: _admin,
  makeAccountMember,
  database,
}) => {
  const name = `Bäckerei ${randomBytes(3).toString('hex')}`;
  const [account] = await database.db
    .insert(accounts)
    .values({ name, managed: true, status: 'active' })
    .returning({ id: accounts.id });
  const target = await makeAccountMember(account!, 'standard');
  await openUsers(page, target.email);
  const row = rowOf(page, target.email);
  await expect(row).toContainText(`${name} (Standard)`);
  await expect(row).toContainText('Account roles only');

  const dialog = await openEdit(page, target.email);
  // An individual user keeps their kind: no host role to pick, one role per account.
  await expect(dialog.getByLabel('Host role', { exact: true })).toHaveCount(0);
  const role = dialog.getByLabel(`Role in ${name}`);
  await expect(role).toHaveValue('standard');
  await expect(role.locator('option')).toHaveText(['Admin', 'Standard', 'View only']);
  await role.selectOption({ label: 'Admin' });
  await dialog.getByRole('button', { name: 'Save permissions' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Permissions saved.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText(`${name} (Admin)`);

  const memberships = await database.db
    .select({ accountId: accountMemberships.accountId, role: accountMemberships.role })
    .from(accountMemberships)
    .where(eq(accountMemberships.userId, target.id));
  expect(memberships).toEqual([{ accountId: account!.id, role: 'admin' }]);
  expect(await storedUser(database, target.id)).toEqual({ status: 'active', hostRole: null });
});

test('Deactivate signs the user out at once; Reactivate makes them active again', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  const target = await makeUser({ hostRole: 'standard' });
  const theirs = await browser.newContext({ baseURL });
  await signInAs(database, theirs, baseURL!, target);
  const theirPage = await theirs.newPage();
  await theirPage.goto('/dashboard');
  await expect(theirPage).toHaveURL(/\/dashboard$/);
  await expect(theirPage.getByRole('banner')).toContainText(target.email);

  await openUsers(page, target.email);
  const row = rowOf(page, target.email);
  await expect(row).toContainText('Active');
  const dialog = await openEdit(page, target.email);
  await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Deactivated. Their sessions have ended.' }),
  ).toBeVisible();
  await expect(row).toContainText('Deactivated');
  expect(await storedUser(database, target.id)).toEqual({
    status: 'deactivated',
    hostRole: 'standard',
  });
  expect(
    await database.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(eq(sessions.userId, target.id)),
  ).toEqual([]);

  // Their browser is signed out on its next request.
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await expect(theirPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Reactivate', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Reactivated.' })).toBeVisible();
  await expect(row).not.toContainText('Deactivated');
  await expect(row).toContainText('Active');
  expect(await storedUser(database, target.id)).toEqual({
    status: 'active',
    hostRole: 'standard',
  });
  await theirs.close();
});

test('with two host admins, one deactivates the other', async ({
  page,
  hostAdmin,
  makeUser,
  database,
}) => {
  const other = await makeUser({ hostRole: 'admin' });
  await openUsers(page, other.email);
  const dialog = await openEdit(page, other.email);
  await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Deactivated. Their sessions have ended.' }),
  ).toBeVisible();
  await expect(dialog.getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);
  await expect(rowOf(page, other.email)).toContainText('Deactivated');
  expect(await storedUser(database, other.id)).toEqual({
    status: 'deactivated',
    hostRole: 'admin',
  });
  expect(await storedUser(database, hostAdmin.id)).toEqual({
    status: 'active',
    hostRole: 'admin',
  });
});

test('Revoke asks first: "Keep user" keeps them, confirming removes them', async ({
  page,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  // Two users under one search, so the list stays on screen after one of them is revoked.
  const tag = `revoke-${randomBytes(4).toString('hex')}`;
  const target = await makeUser({ hostRole: 'view', email: `${tag}-a@example.test` });
  const bystander = await makeUser({ hostRole: 'view', email: `${tag}-b@example.test` });
  await openUsers(page, tag);

  let dialog = await openEdit(page, target.email);
  const confirm = dialog.getByRole('button', { name: `Revoke ${target.email}`, exact: true });
  await dialog.getByRole('button', { name: 'Revoke…' }).click();
  await expect(dialog).toContainText(`Revoke ${target.email}? They are signed out at once`);
  await expect(confirm).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep user' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Revoke…' })).toBeVisible();
  expect(await storedUser(database, target.id)).toEqual({ status: 'active', hostRole: 'view' });

  await dialog.getByRole('button', { name: 'Revoke…' }).click();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, target.email)).toHaveCount(0);
  await expect(rowOf(page, bystander.email)).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `${target.email} was revoked. Their sessions ended` }),
  ).toBeVisible();
  expect(await storedUser(database, target.id)).toBeUndefined();
  expect(await storedUser(database, bystander.id)).toEqual({ status: 'active', hostRole: 'view' });

  // Searched for alone, the last row goes too: the page still says what happened.
  await openUsers(page, bystander.email);
  dialog = await openEdit(page, bystander.email);
  await dialog.getByRole('button', { name: 'Revoke…' }).click();
  await dialog.getByRole('button', { name: `Revoke ${bystander.email}`, exact: true }).click();
  await expect(rowOf(page, bystander.email)).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `${bystander.email} was revoked.` }),
  ).toBeVisible();
  expect(await storedUser(database, bystander.id)).toBeUndefined();
});

test('the viewer’s own row has no Edit button', async ({ page, hostAdmin, makeUser }) => {
  // A second host admin under the same search shows what the own row lacks.
  const tag = hostAdmin.email.split('@')[0]!;
  const other = await makeUser({ hostRole: 'admin', email: `${tag}-2@example.test` });
  await openUsers(page, tag);
  const own = rowOf(page, hostAdmin.email);
  await expect(own).toContainText('(you)');
  await expect(own).toContainText('Host admin');
  await expect(own.getByRole('button')).toHaveCount(0);
  await expect(
    rowOf(page, other.email).getByRole('button', { name: `Edit ${other.email}` }),
  ).toBeVisible();
});

test('search filters by part of the email, whatever its case', async ({
  page,
  hostAdmin: _admin,
  makeUser,
}) => {
  const tag = `findme${randomBytes(4).toString('hex')}`;
  const first = await makeUser({ hostRole: 'view', email: `ada.${tag}@example.test` });
  const second = await makeUser({ hostRole: 'standard', email: `${tag}-grace@example.test` });
  const other = await makeUser({ hostRole: 'view' });

  await page.goto('/users');
  await page.getByLabel('Search users by email').fill(tag.toUpperCase());
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag.toUpperCase()}(&|$)`));
  await expect(page.getByText(`2 users match “${tag.toUpperCase()}”`)).toBeVisible();
  const body = page.locator('tbody');
  await expect(body.getByRole('rowheader')).toHaveText([first.email, second.email]);
  await expect(rowOf(page, other.email)).toHaveCount(0);
  await expect(page.getByLabel('Search users by email')).toHaveValue(tag.toUpperCase());

  const nothing = `nobody-${randomBytes(4).toString('hex')}`;
  await openUsers(page, nothing);
  await expect(page.getByText(`No user matches “${nothing}”`)).toBeVisible();
  await expect(
    page.getByText('Check the spelling, or search for part of the address.'),
  ).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  // A wildcard typed in the box is matched literally.
  await openUsers(page, '%');
  await expect(page.getByText('No user matches “%”')).toBeVisible();
});

/** The next server-action request the page sends, with its id and body. */
test('host standard and view users cannot call the Users actions directly', async ({
  page,
  browser,
  baseURL,
  hostAdmin: _admin,
  makeUser,
  database,
}) => {
  const tag = `direct-${randomBytes(4).toString('hex')}`;
  const demoted = await makeUser({ hostRole: 'standard', email: `${tag}-role@example.test` });
  const removable = await makeUser({ hostRole: 'view', email: `${tag}-revoke@example.test` });
  const pending = await createPendingInvitee(database, { email: `${tag}-pending@example.test` });
  await openUsers(page, tag);

  // Invite: captured from the admin's own use.
  const invited = `${tag}-invited@example.test`;
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const inviteDialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await inviteDialog.getByLabel('Email').fill(invited);
  await inviteDialog.getByLabel('Host role', { exact: true }).selectOption('standard');
  let request = nextActionRequest(page);
  await inviteDialog.getByRole('button', { name: 'Continue' }).click();
  const invite = await request;
  await expect(page.getByRole('dialog', { name: `${invited} is invited` })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  // Generate invite link.
  let dialog = await openEdit(page, pending.email);
  request = nextActionRequest(page);
  await dialog.getByRole('button', { name: 'Generate invite link' }).click();
  const regenerate = await request;
  await expect(dialog.getByRole('textbox', { name: 'Invitation link' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Save permissions: standard → view.
  dialog = await openEdit(page, demoted.email);
  await dialog.getByLabel('Host role', { exact: true }).selectOption('view');
  request = nextActionRequest(page);
  await dialog.getByRole('button', { name: 'Save permissions' }).click();
  const saveRole = await request;
  await expect(dialog.getByRole('status').filter({ hasText: 'Permissions saved.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Revoke.
  dialog = await openEdit(page, removable.email);
  await dialog.getByRole('button', { name: 'Revoke…' }).click();
  request = nextActionRequest(page);
  await dialog.getByRole('button', { name: `Revoke ${removable.email}` }).click();
  const revoke = await request;
  await expect(rowOf(page, removable.email)).toHaveCount(0);

  // What a replay would change if it were let through: a new user under a fresh address, one
  // more link for the pending user, the role the admin changed (put back first), and a user
  // in place of the one the admin removed.
  await database.db.update(users).set({ hostRole: 'standard' }).where(eq(users.id, demoted.id));
  const spare = await makeUser({ hostRole: 'view', email: `${tag}-spare@example.test` });
  const replays: { name: string; request: Request; from?: string; to?: string }[] = [
    { name: 'invite', request: invite, from: invited, to: `${tag}-replayed@example.test` },
    { name: 'generate invite link', request: regenerate },
    { name: 'save permissions', request: saveRole },
    { name: 'revoke', request: revoke, from: removable.id, to: spare.id },
  ];
  for (const replay of replays) {
    if (replay.from) expect(replay.request.postData()).toContain(replay.from);
  }

  const snapshot = async () => {
    const ours = await database.db
      .select({ id: users.id, email: users.email, status: users.status, role: users.hostRole })
      .from(users)
      .where(
        inArray(users.email, [
          invited,
          `${tag}-replayed@example.test`,
          demoted.email,
          spare.email,
          pending.email,
        ]),
      )
      .orderBy(users.email);
    const links = await database.db
      .select({ id: invitations.id, replacedAt: invitations.replacedAt })
      .from(invitations)
      .where(
        inArray(
          invitations.userId,
          ours.map((user) => user.id),
        ),
      )
      .orderBy(invitations.id);
    return { users: ours, links };
  };
  const before = await snapshot();
  expect(before.users.map((user) => user.email)).toEqual(
    [invited, demoted.email, spare.email, pending.email].sort(),
  );
  // The invited user's link, and the pending user's first link and the one that replaced it.
  expect(before.links).toHaveLength(3);

  for (const hostRole of ['standard', 'view'] as const) {
    const context = await browser.newContext({ baseURL });
    await signInAs(database, context, baseURL!, await makeUser({ hostRole }));
    for (const replay of replays) {
      let body = replay.request.postDataBuffer()!.toString('utf8');
      if (replay.from) body = body.replaceAll(replay.from, replay.to!);
      const response = await context.request.post('/users', {
        headers: {
          'next-action': replay.request.headers()['next-action']!,
          'content-type': replay.request.headers()['content-type']!,
        },
        data: Buffer.from(body, 'utf8'),
      });
      expect(await response.text(), `${replay.name} as host ${hostRole}`).toContain(forbidden);
    }
    await context.close();
  }

  expect(await snapshot()).toEqual(before);
  expect(await storedUser(database, demoted.id)).toEqual({
    status: 'active',
    hostRole: 'standard',
  });
  expect(await storedUser(database, spare.id)).toEqual({ status: 'active', hostRole: 'view' });
});
