import { eq } from 'drizzle-orm';
import type { Locator, Page } from '@playwright/test';
import { accounts, users } from '@/db/schema';
import { accountRow, browserOf, uniqueAccountName } from '../support/e2e-accounts';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, signedInHostAdmin, uniqueEmail } from '../support/e2e-users';
import { expectNewLinkReplacedOld, onlyLinkIn, signUpThroughLink } from '../support/emailed-links';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';

// Accounts whose first admin is invited, with the SMTP switch on: the invitation is emailed,
// the dialog follows the email until it is sent, and the account turns active when its admin
// signs up. Its own app instance, because the SMTP switch belongs to the whole instance.

let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('accounts_smtp');
});

test.afterAll(async () => {
  await instance?.stop();
});

/** The delivery line of a link panel once the invitation email to `email` has gone out. */
const sentStatus = (panel: Locator, email: string) =>
  panel.getByRole('status').filter({
    hasText: new RegExp(`^The invitation email was sent to ${email} at \\S+`),
  });

/** Add account with "Invite its administrator"; returns the dialog showing the link. */
async function addInvitedAccount(page: Page, name: string, email: string) {
  await page.goto(`${instance.url}/accounts?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await dialog.getByLabel('Account name').fill(name);
  await dialog.getByRole('radio', { name: 'Invite its administrator' }).check();
  await expect(dialog).toContainText(
    'They get an email with a link to set their password. You can also copy the link.',
  );
  await dialog.getByLabel('Administrator’s email').fill(email);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(
    dialog.getByText(`${name} is added. It stays in setup until ${email} sets a password`),
  ).toBeVisible();
  return dialog;
}

async function storedAccountByName(name: string) {
  const [row] = await instance.database.db
    .select({ id: accounts.id, status: accounts.status, managed: accounts.managed })
    .from(accounts)
    .where(eq(accounts.name, name));
  return row;
}

test('an invited first admin gets the email, signs up, and the account turns active, closed to host users', async ({
  page,
  browser,
}) => {
  await signedInHostAdmin(instance, page);
  const name = uniqueAccountName('Kaffeerösterei');
  const email = uniqueEmail('first-admin');
  const dialog = await addInvitedAccount(page, name, email);

  // The link with Copy, and the email followed until it is sent.
  const linkField = dialog.getByRole('textbox', { name: 'Invitation link' });
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(sentStatus(dialog, email)).toBeVisible({ timeout: 20_000 });
  await expect(dialog).not.toContainText('nothing was sent');
  const shown = await linkField.inputValue();
  const created = await storedAccountByName(name);
  expect(created).toMatchObject({ status: 'setup', managed: false });

  const message = await instance.mailTo(email);
  expect(message.envelope.rcptTo).toEqual([email]);
  expect(message.parsed.subject).toBe(`Set up the account ${name} on Gatehouse`);
  expect(message.parsed.text).toContain(
    `You will administer the account ${name}. It becomes active as soon as you set your password.`,
  );
  const link = onlyLinkIn(instance, message, 'invite');
  expect(link).toBe(shown);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(accountRow(page, name)).toContainText('Setup in progress');

  // The invitee, in a browser of their own, lands on the dashboard with their account.
  const invitee = await signUpThroughLink(instance, browser, link, email);
  await expect(invitee.page.getByRole('heading', { name: 'Your accounts' })).toBeVisible();
  const mine = invitee.page.getByRole('main').getByRole('link', { name });
  await expect(mine).toContainText('Your role: Admin');
  await mine.click();
  await expect(invitee.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(invitee.page.getByRole('main')).toContainText('Admin in this account');
  await invitee.context.close();

  const [admin] = await instance.database.db
    .select({ status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(eq(users.email, email));
  expect(admin).toEqual({ status: 'active', hostRole: null });
  expect((await storedAccountByName(name))?.status).toBe('active');

  // Active now, and unmanaged: no host user can open it.
  await page.reload();
  const row = accountRow(page, name);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Unmanaged');
  await expect(row).toContainText('Only its own users can open it');
  await expect(row.getByRole('link', { name: 'See details' })).toHaveCount(0);
  const path = `/accounts/${created!.id}`;
  expect((await page.goto(`${instance.url}${path}`))?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  for (const hostRole of ['standard', 'view'] as const) {
    const other = await browserOf(
      browser,
      instance.database,
      instance.url,
      await createUser(instance.database, { hostRole }),
    );
    expect((await other.page.goto(path))?.status()).toBe(403);
    await expect(other.page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await other.context.close();
  }
});

test('Complete setup emails a new link; the first one then says it was replaced', async ({
  page,
  browser,
}) => {
  await signedInHostAdmin(instance, page);
  const name = uniqueAccountName('Zimmerei');
  const email = uniqueEmail('slow-admin');
  const added = await addInvitedAccount(page, name, email);
  const first = await instance.mailTo(email);
  const firstLink = onlyLinkIn(instance, first, 'invite');
  await expect(sentStatus(added, email)).toBeVisible({ timeout: 20_000 });
  await added.getByRole('button', { name: 'Done' }).click();
  await expect(added).toBeHidden();

  await page.getByRole('button', { name: `Manage ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Manage ${name}` });
  const setup = dialog.getByRole('region', { name: 'Complete setup' });
  await expect(setup).toContainText(`${email} has not set a password yet.`);
  await setup.getByRole('button', { name: 'Complete setup' }).click();
  await expect(
    setup.getByRole('status').filter({ hasText: `A new invitation for ${email} is ready.` }),
  ).toBeVisible();
  await expect(sentStatus(setup, email)).toBeVisible({ timeout: 20_000 });
  const shown = await setup.getByRole('textbox', { name: 'Invitation link' }).inputValue();

  const second = await instance.mailTo(email, [first]);
  expect(second.parsed.subject).toBe('Your new invitation link for Gatehouse');
  const secondLink = onlyLinkIn(instance, second, 'invite');
  expect(secondLink).toBe(shown);
  expect(secondLink).not.toBe(firstLink);

  await expectNewLinkReplacedOld(instance, browser, {
    email,
    oldLink: firstLink,
    newLink: secondLink,
  });
  const account = await storedAccountByName(name);
  expect(account?.status).toBe('active');
});
