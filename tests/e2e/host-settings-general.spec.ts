import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { hostSettings, invitations, users } from '@/db/schema';
import type { DatabaseHandle } from '@/db/database';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, signInAs, uniqueEmail } from '../support/e2e-users';
import { startOwnInstance } from '../support/own-instance';

// Host settings → General: the host name, the invitation lifetime and the email retention,
// edited in dialogs by host admins only.

async function storedHostName(database: DatabaseHandle): Promise<string | undefined> {
  const [row] = await database.db
    .select({ hostName: hostSettings.hostName })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1));
  return row?.hostName;
}

function openEditDialog(page: Page) {
  return page.getByRole('button', { name: 'Edit host name' }).click();
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Edit host name' });

test('a host admin renames the host and the header shows the new name', async ({ browser }) => {
  // Its own instance: renaming the shared one would change the header under other tests.
  const instance = await startOwnInstance('rename_host');
  const context = await browser.newContext({ baseURL: instance.url });
  try {
    const admin = await createUser(instance.database, { hostRole: 'admin' });
    await signInAs(instance.database, context, instance.url, admin);
    const page = await context.newPage();

    await page.goto('/settings');
    await page.getByRole('link', { name: 'General' }).click();
    await expect(page).toHaveURL(/\/settings\/general$/);
    await expect(page.getByRole('heading', { level: 1, name: 'General' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Gatehouse');
    await expectNoSeriousA11yViolations(page);

    const edit = page.getByRole('button', { name: 'Edit host name' });
    await edit.click();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Host name')).toBeFocused();
    await expect(dialog.getByLabel('Host name')).toHaveValue('Gatehouse');
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel('Host name').fill('  Nordlicht Media ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Host name saved.' })).toBeVisible();
    await expect(edit).toBeFocused();
    await expect(page.getByRole('banner')).toContainText('Nordlicht Media');
    await expect(page).toHaveTitle('General · Nordlicht Media');
    expect(await storedHostName(instance.database)).toBe('Nordlicht Media');

    // Every other page shows it too.
    await page.goto('/dashboard');
    await expect(page.getByRole('banner')).toContainText('Nordlicht Media');
  } finally {
    await context.close();
    await instance.stop();
  }
});

test('an empty, multi-line or too long name is refused beside the field and not saved', async ({
  page,
  hostAdmin,
  database,
}) => {
  const before = await storedHostName(database);
  await page.goto('/settings/general');
  await expect(page.getByRole('banner')).toContainText(hostAdmin.email);
  await openEditDialog(page);
  const dialog = dialogOf(page);
  const field = dialog.getByLabel('Host name');
  const save = dialog.getByRole('button', { name: 'Save' });

  await field.fill('   ');
  await save.click();
  await expect(field).toHaveAccessibleDescription(/^Fill in this field\./);

  const tooLong = 'N'.repeat(101);
  await field.fill(tooLong);
  await save.click();
  await expect(field).toHaveAccessibleDescription(/^Use at most 100 characters\./);
  // A refused submit keeps what was typed.
  await expect(field).toHaveValue(tooLong);

  // A text field cannot hold a line break, so only a crafted request carries one: rewrite
  // the submitted value on its way to the server, as a script posting the form could.
  await page.route('**/settings/general', async (route) => {
    const body = route.request().postData() ?? '';
    await route.continue({ postData: body.replace('Two Lines', 'Two\r\nLines') });
  });
  await field.fill('Two Lines');
  await save.click();
  await expect(field).toHaveAccessibleDescription(/^Line breaks are not allowed here\./);
  await page.unroute('**/settings/general');

  await expect(dialog).toBeVisible();
  expect(await storedHostName(database)).toBe(before);

  // Escape closes the dialog and puts focus back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit host name' })).toBeFocused();
});

test('host standard and view users get 403 for General', async ({ page, makeUser, signIn }) => {
  for (const hostRole of ['standard', 'view'] as const) {
    await signIn(await makeUser({ hostRole }));
    const response = await page.goto('/settings/general');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit host name' })).toHaveCount(0);
  }
});

test('the server refuses a rename from a user who is no longer host admin', async ({
  page,
  makeUser,
  signIn,
  database,
}) => {
  const before = await storedHostName(database);
  const admin = await makeUser({ hostRole: 'admin' });
  await signIn(admin);
  await page.goto('/settings/general');
  await openEditDialog(page);
  const dialog = dialogOf(page);
  await dialog.getByLabel('Host name').fill('Taken Over');

  // Demoted while the form is open: the page was allowed, the action no longer is.
  await database.db.update(users).set({ hostRole: 'view' }).where(eq(users.id, admin.id));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'You are not allowed to do this. Ask a host admin if you need it.',
  );
  expect(await storedHostName(database)).toBe(before);
});

async function storedLifetime(database: DatabaseHandle): Promise<number | undefined> {
  const [row] = await database.db
    .select({ hours: hostSettings.invitationLifetimeHours })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1));
  return row?.hours;
}

test('a host admin sets the invitation lifetime; out-of-range values are refused', async ({
  browser,
}) => {
  // Its own instance: the lifetime applies to every invitation made on the instance.
  const instance = await startOwnInstance('invitation_lifetime');
  const context = await browser.newContext({ baseURL: instance.url });
  try {
    const admin = await createUser(instance.database, { hostRole: 'admin' });
    await signInAs(instance.database, context, instance.url, admin);
    const page = await context.newPage();
    await page.goto('/settings/general');
    await expect(page.getByRole('heading', { name: 'Invitation lifetime' })).toBeVisible();
    // The default: 72 hours.
    await expect(page.getByText('3 days', { exact: true })).toBeVisible();

    const edit = page.getByRole('button', { name: 'Edit invitation lifetime' });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit invitation lifetime' });
    const amount = dialog.getByLabel('Lifetime');
    const unit = dialog.getByLabel('Unit');
    await expect(amount).toHaveValue('3');
    await expect(unit).toHaveValue('days');
    await expectNoSeriousA11yViolations(page);
    await amount.fill('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: 'Invitation lifetime saved. New links use it.' }),
    ).toBeVisible();
    await expect(page.getByText('2 days', { exact: true })).toBeVisible();
    await expect(page.getByText('3 days', { exact: true })).toHaveCount(0);
    expect(await storedLifetime(instance.database)).toBe(48);

    // Below 1 hour or above 30 days (720 hours): refused beside the field, nothing stored.
    const refusal = /^Enter a whole number from 1 hour to 30 days \(720 hours\)\./;
    await edit.click();
    await expect(amount).toHaveValue('2');
    for (const [value, chosenUnit] of [
      ['0', 'days'],
      ['31', 'days'],
      ['721', 'hours'],
    ] as const) {
      await amount.fill(value);
      await unit.selectOption(chosenUnit);
      const answered = page.waitForResponse(
        (response) => !!response.request().headers()['next-action'],
      );
      await dialog.getByRole('button', { name: 'Save' }).click();
      await answered;
      await expect(dialog).toBeVisible();
      await expect(amount).toHaveAccessibleDescription(refusal);
      await expect(amount).toHaveValue(value);
      expect(await storedLifetime(instance.database)).toBe(48);
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('2 days', { exact: true })).toBeVisible();

    // An invitation made now expires 48 hours out.
    const email = uniqueEmail('later');
    await page.goto('/users');
    await page.getByRole('button', { name: 'Invite a new user' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite a new user' });
    await invite.getByLabel('Email').fill(email);
    const before = Date.now();
    await invite.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('dialog', { name: `${email} is invited` })).toBeVisible();
    const after = Date.now();
    const [link] = await instance.database.db
      .select({ expiresAt: invitations.expiresAt })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(users.email, email));
    const hours = 3_600_000;
    expect(link!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 48 * hours - 1000);
    expect(link!.expiresAt.getTime()).toBeLessThanOrEqual(after + 48 * hours + 1000);
  } finally {
    await context.close();
    await instance.stop();
  }
});

async function storedRetention(database: DatabaseHandle): Promise<number | undefined> {
  const [row] = await database.db
    .select({ days: hostSettings.emailRetentionDays })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1));
  return row?.days;
}

test('a host admin sets how long the delivery log keeps emails; a bad value is refused', async ({
  browser,
}) => {
  // Its own instance: the retention decides what the sweeps delete from the whole instance.
  const instance = await startOwnInstance('email_retention');
  const context = await browser.newContext({ baseURL: instance.url });
  try {
    const admin = await createUser(instance.database, { hostRole: 'admin' });
    await signInAs(instance.database, context, instance.url, admin);
    const page = await context.newPage();
    await page.goto('/settings/general');
    await expect(page.getByRole('heading', { name: 'Delivery log retention' })).toBeVisible();
    // It says what it does (the closed dialog holds the same words); the default is 90 days.
    const explanation =
      'Emails that were sent, failed or cancelled are deleted from the delivery log after this many days.';
    await expect(page.getByText(explanation).first()).toBeVisible();
    await expect(page.getByText('90 days', { exact: true })).toBeVisible();

    const edit = page.getByRole('button', { name: 'Edit delivery log retention' });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit delivery log retention' });
    const days = dialog.getByLabel('Days');
    await expect(days).toHaveValue('90');
    await expect(days).toHaveAccessibleDescription(/From 1 to 3,650 days/);
    await expectNoSeriousA11yViolations(page);
    await days.fill('30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: 'Delivery log retention saved.' }),
    ).toBeVisible();
    await expect(page.getByText('30 days', { exact: true })).toBeVisible();
    expect(await storedRetention(instance.database)).toBe(30);

    await page.reload();
    await expect(page.getByText('30 days', { exact: true })).toBeVisible();
    await expect(page.getByText('90 days', { exact: true })).toHaveCount(0);

    // Below 1, above 3,650, a fraction or nothing: refused beside the field, the dialog stays
    // open with what was typed, nothing stored.
    const refusal = /^Enter a whole number of days from 1 to 3,650\./;
    await edit.click();
    await expect(days).toHaveValue('30');
    for (const value of ['0', '3651', '2.5', '']) {
      await days.fill(value);
      const answered = page.waitForResponse(
        (response) => !!response.request().headers()['next-action'],
      );
      await dialog.getByRole('button', { name: 'Save' }).click();
      await answered;
      await expect(dialog).toBeVisible();
      await expect(days).toHaveAccessibleDescription(refusal);
      await expect(days).toHaveValue(value);
      expect(await storedRetention(instance.database)).toBe(30);
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('30 days', { exact: true })).toBeVisible();

    // The delivery log says how long it keeps emails, and links here to change it.
    await page.goto('/settings/delivery');
    await expect(
      page.getByText('Emails that were sent, failed or were cancelled are kept for 30 days'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Change how long' }).click();
    await expect(page).toHaveURL(/\/settings\/general$/);
  } finally {
    await context.close();
    await instance.stop();
  }
});
