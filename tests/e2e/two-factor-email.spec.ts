import { eq } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { hostSettings, smtpSettings, twoFactorMethods } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, signInAs, type TestUser } from '../support/e2e-users';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';
import type { ReceivedMessage } from '../support/received-message';

// Two-factor sign-in by emailed code, through a real SMTP server: turned on from the Profile
// with a code sent to the user's address, asked for at sign-in, and paused (never a lock-out)
// when a host admin turns email off after a confirmation that names who signs in that way.

let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('two_factor_email');
  await instance.database.db
    .update(hostSettings)
    .set({ twoFactorPolicy: 'optional' })
    .where(eq(hostSettings.id, 1));
});

test.afterAll(async () => {
  await instance?.stop();
});

const seen: ReceivedMessage[] = [];

/** The six digits of the next code email to `email`. */
async function nextCodeTo(email: string): Promise<string> {
  const message = await instance.mailTo(email, seen);
  seen.push(message);
  const code = message.parsed.text?.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in: ${message.parsed.text}`);
  return code;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url });
  return context.newPage();
}

async function signInWithPassword(page: Page, user: TestUser) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
}

test('emailed codes: turned on from the Profile, asked for at sign-in, paused with SMTP off', async ({
  browser,
}) => {
  const user = await createUser(instance.database, { hostRole: 'view' });
  const page = await newPage(browser);
  await signInAs(instance.database, page.context(), instance.url, user);

  // Turn on: the code comes by email.
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Turn on emailed codes' }).click();
  await expect(page.getByText(`We emailed a code to ${user.email}.`)).toBeVisible();
  const setUpCode = await nextCodeTo(user.email);
  await page.getByLabel('Code from the email').fill(setUpCode === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on', exact: true }).click();
  await expect(page.getByLabel('Code from the email')).toHaveAccessibleDescription(
    /^This code is not right/,
  );
  await page.getByLabel('Code from the email').fill(setUpCode);
  await page.getByRole('button', { name: 'Turn on', exact: true }).click();
  await expect(page.getByText('Emailed codes are on.')).toBeVisible();
  const recoveryCodes = await page
    .getByRole('list', { name: 'Save your recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(
    page.getByText(`On: sign-in can email a 6-digit code to ${user.email}.`),
  ).toBeVisible();

  // Sign in: the code is emailed at once.
  await page.context().clearCookies();
  await signInWithPassword(page, user);
  await expect(page.getByText(`We emailed a code to ${user.email}.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const first = await nextCodeTo(user.email);
  // A new code replaces the first.
  await page.waitForTimeout(0);
  await page.getByRole('button', { name: 'Send a new code' }).click();
  await expect(
    page.getByText(/A code was sent moments ago|A new code is on its way/),
  ).toBeVisible();
  await page.getByLabel('Code from the email').fill(first);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A host admin turns email off: the switch names the user first.
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  const adminPage = await newPage(browser);
  await signInAs(instance.database, adminPage.context(), instance.url, admin);
  await adminPage.goto('/dashboard');
  await adminPage.getByRole('switch', { name: 'Send email through SMTP' }).click();
  await expect(adminPage.getByText('1 person signs in with emailed codes only:')).toBeVisible();
  await expect(
    adminPage.getByRole('group', { name: '1 person signs in with emailed codes only:' }),
  ).toContainText(user.email);
  await expectNoSeriousA11yViolations(adminPage);
  await expect(adminPage.getByRole('switch', { name: 'Send email through SMTP' })).toBeChecked();
  await adminPage.getByRole('button', { name: 'Turn email off anyway' }).click();
  await expect(
    adminPage.getByRole('switch', { name: 'Send email through SMTP' }),
  ).not.toBeChecked();

  // The user is told, and signs in with a recovery code.
  await page.context().clearCookies();
  await signInWithPassword(page, user);
  await expect(
    page.getByText(/Emailed codes are paused because this host's email is turned off/),
  ).toBeVisible();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/profile');
  await expect(page.getByText(/^Paused: this host's email is off/)).toBeVisible();
});

test('a code email the mail server refuses is said on the second step, with the way out', async ({
  browser,
}) => {
  const refusing = await startInstanceWithSmtp('two_factor_email_refused', {
    fault: 'recipient-refused',
  });
  try {
    await refusing.database.db
      .update(hostSettings)
      .set({ twoFactorPolicy: 'optional' })
      .where(eq(hostSettings.id, 1));
    const user = await createUser(refusing.database, { hostRole: 'view' });
    await refusing.database.db
      .insert(twoFactorMethods)
      .values({ userId: user.id, method: 'email', confirmedAt: new Date() });
    const context = await browser.newContext({ baseURL: refusing.url });
    const page = await context.newPage();
    await signInWithPassword(page, user);
    await expect(page.getByText(`We emailed a code to ${user.email}.`)).toBeVisible();
    // The outbox tries at once; the page tells what happened once it did.
    await expect(async () => {
      await page.reload();
      await expect(
        page.getByRole('alert').filter({ hasText: 'could not be delivered' }),
      ).toContainText('The email with your code could not be delivered.', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expectNoSeriousA11yViolations(page);
    await context.close();
  } finally {
    await refusing.stop();
  }
});

test('"required": a user without a method turns emailed codes on right after the password', async ({
  browser,
}) => {
  // The first test of this file turned email off.
  await instance.database.db.update(smtpSettings).set({ enabled: true });
  await instance.database.db
    .update(hostSettings)
    .set({ twoFactorPolicy: 'required_for_everyone' })
    .where(eq(hostSettings.id, 1));
  try {
    const user = await createUser(instance.database, { hostRole: null });
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\/set-up-two-factor/);
    await page.getByRole('link', { name: 'Get codes by email instead' }).click();
    await expect(page.getByText(/Turn on emailed codes: we send a code to/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Turn on emailed codes' }).click();
    const code = await nextCodeTo(user.email);
    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await expect(page.getByText('Emailed codes are on.')).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Save your recovery codes' }).getByRole('listitem'),
    ).toHaveCount(10);
    await page.getByRole('link', { name: 'Continue to the console' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  } finally {
    await instance.database.db
      .update(hostSettings)
      .set({ twoFactorPolicy: 'optional' })
      .where(eq(hostSettings.id, 1));
  }
});
