import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { hostSettings, twoFactorMethods, type TwoFactorPolicy } from '@/db/schema';
import type { DatabaseHandle } from '@/db/database';
import { fromBase32 } from '@/lib/two-factor/base32';
import { totpCode, totpStep } from '@/lib/two-factor/totp';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { insertAccount } from '../support/e2e-accounts';
import { expect } from '../support/e2e-fixtures';
import { signInAs, type TestUser } from '../support/e2e-users';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import { actionId, callFormAction, returnedValue } from '../support/server-action';

// Two-factor sign-in: the host's policy (Settings → Security), a user's authenticator and
// recovery codes (Profile), and the second step of the sign-in. Its own instance: the policy
// applies to every sign-in of the instance.
const test = testOnOwnInstance('two_factor');

async function setPolicy(database: DatabaseHandle, policy: TwoFactorPolicy) {
  await database.db
    .update(hostSettings)
    .set({ twoFactorPolicy: policy })
    .where(eq(hostSettings.id, 1));
}

async function signInWithPassword(page: Page, user: TestUser) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A code the server takes after the one of `usedStep`: each code works once, and the next step
 * is accepted one step early. Counted from the step used, not from the clock alone, so a
 * 30-second boundary passing mid-test cannot make the used code look new.
 */
const codeAfter = (secret: Buffer, usedStep: number) =>
  totpCode(secret, Math.max(totpStep(new Date()), usedStep + 1));

/**
 * Sets up an authenticator on the open Profile page; returns its secret, the step of the code
 * that confirmed it (used up from then on), and the recovery codes.
 */
async function setUpAuthenticator(page: Page) {
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await expect(page.getByRole('img', { name: /QR code to add/ })).toBeVisible();
  const key = await page.getByLabel(/Cannot scan\?/).inputValue();
  const secret = fromBase32(key)!;
  const confirmingStep = totpStep(new Date());
  const confirmingCode = totpCode(secret, confirmingStep);
  await page
    .getByLabel('Code from the app')
    .fill('000000' === confirmingCode ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByLabel('Code from the app')).toHaveAccessibleDescription(
    /^This code is not right/,
  );
  await page.getByLabel('Code from the app').fill(confirmingCode);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your authenticator app is set up.')).toBeVisible();
  const codes = await page
    .getByRole('list', { name: 'Save your recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  return { secret, confirmingStep, codes };
}

test.beforeEach(async ({ database }) => {
  await setPolicy(database, 'off');
});

test('a host admin chooses the policy on Settings → Security', async ({
  page,
  hostAdmin,
  database,
}) => {
  void hostAdmin;
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('radio', { name: 'Required for host admins' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const [row] = await database.db
    .select({ policy: hostSettings.twoFactorPolicy })
    .from(hostSettings);
  expect(row!.policy).toBe('required_for_host_admins');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Required for host admins' })).toBeChecked();
});

test('a user opts in with an authenticator app, then signs in with its code', async ({
  page,
  database,
  makeUser,
  signIn,
}) => {
  await setPolicy(database, 'optional');
  const user = await makeUser({ hostRole: 'view' });
  await signIn(user);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  const { secret, confirmingStep, codes } = await setUpAuthenticator(page);
  expect(codes).toHaveLength(10);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(page.getByText("On: sign-in asks for the app's code.")).toBeVisible();
  await expect(page.getByText('10 of 10 recovery codes left.')).toBeVisible();

  await page.context().clearCookies();
  await signInWithPassword(page, user);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Half signed in: no console page opens.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);

  const field = page.getByLabel('Code from your authenticator app');
  // The code that confirmed the app is used up.
  await field.fill(totpCode(secret, confirmingStep));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(field).toHaveAccessibleDescription(
    /^This code is not right, or it was already used\. .*4 tries left/,
  );
  await field.fill(codeAfter(secret, confirmingStep));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText(user.email);
});

test('a recovery code signs in once', async ({ page, database, makeUser, signIn }) => {
  await setPolicy(database, 'optional');
  const user = await makeUser({ hostRole: null });
  await signIn(user);
  await page.goto('/profile');
  const { codes } = await setUpAuthenticator(page);
  await page.context().clearCookies();

  for (const attempt of ['first', 'again'] as const) {
    await signInWithPassword(page, user);
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await expect(page.getByLabel('Recovery code')).toHaveAccessibleDescription(
      attempt === 'first' ? /You have 10 codes left/ : /You have 9 codes left/,
    );
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    if (attempt === 'first') {
      await expect(page).toHaveURL(/\/dashboard$/);
      await page.context().clearCookies();
    } else {
      await expect(page.getByLabel('Recovery code')).toHaveAccessibleDescription(
        /^This recovery code is not right, or it was already used/,
      );
    }
  }
});

test('"required" sets a method up right after the password, before any page', async ({
  page,
  baseURL,
  database,
  makeUser,
}) => {
  await setPolicy(database, 'required_for_everyone');
  const user = await makeUser({ hostRole: 'standard' });
  await signInWithPassword(page, user);
  await expect(page).toHaveURL(/\/sign-in\/set-up-two-factor/);
  await expect(page.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccounts$/);
  await page.goBack();
  // Nor any action: its token, sent under its own name or as the session's, is no session.
  const challenge = (await page.context().cookies()).find(
    (cookie) => cookie.name === 'gatehouse.sign-in-step',
  );
  expect(challenge?.path).toBe('/sign-in');
  for (const cookie of [
    `gatehouse.sign-in-step=${challenge!.value}`,
    `gatehouse.session=${challenge!.value}`,
  ]) {
    const answer = await callFormAction({
      url: `${baseURL}/profile`,
      id: actionId('app/(console)/profile/actions.ts', 'startAuthenticatorAction'),
      fields: {},
      cookie: `${cookie}; gatehouse-locale=en`,
    });
    expect(returnedValue(answer.text)).toEqual({
      ok: false,
      formError: 'Your session has ended. Sign in again, then repeat what you did.',
    });
  }

  const { codes } = await setUpAuthenticator(page);
  expect(codes).toHaveLength(10);
  await page.getByRole('link', { name: 'Continue to the console' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText(user.email);

  // The method is the user's now: Profile cannot remove the last one while it is required.
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText(/and this is your last method/)).toBeVisible();
});

test('a host admin resets a user’s two-factor sign-in: methods gone, signed out, password alone', async ({
  page,
  browser,
  baseURL,
  database,
  makeUser,
  signIn,
}) => {
  await setPolicy(database, 'optional');
  const user = await makeUser({ hostRole: 'view' });
  const theirs = await browser.newContext({ baseURL });
  const theirPage = await theirs.newPage();
  await signInAs(database, theirs, baseURL!, user);
  await theirPage.goto('/profile');
  await setUpAuthenticator(theirPage);

  const admin = await makeUser({ hostRole: 'admin' });
  await signIn(admin);
  await page.goto(`/users?q=${encodeURIComponent(user.email)}`);
  const row = page.getByRole('row').filter({ hasText: user.email });
  await expect(row).toContainText('Two-factor: authenticator app');
  await row.getByRole('button', { name: `Edit ${user.email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${user.email}` });
  await dialog.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
  await expect(dialog.getByText(/^Remove every two-factor method and recovery code/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Two-factor sign-in was reset.' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(row).not.toContainText('Two-factor:');

  // Their browser is signed out; the password alone signs them in again.
  await theirPage.goto('/dashboard');
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await signInWithPassword(theirPage, user);
  await expect(theirPage).toHaveURL(/\/dashboard$/);
  await theirs.close();
});

test('an account admin resets the two-factor sign-in of a user of their account', async ({
  page,
  database,
  makeAccountMember,
  signIn,
}) => {
  const account = await insertAccount(database, { managed: false });
  const accountAdmin = await makeAccountMember(account, 'admin');
  const member = await makeAccountMember(account, 'standard');
  await database.db
    .insert(twoFactorMethods)
    .values({ userId: member.id, method: 'email', confirmedAt: new Date() });
  await signIn(accountAdmin);
  await page.goto(`/accounts/${account.id}/users`);
  const row = page.getByRole('row').filter({ hasText: member.email });
  await expect(row).toContainText('Two-factor: emailed code');
  await row.getByRole('button', { name: `Edit ${member.email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${member.email}` });
  await dialog.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Two-factor sign-in was reset.' }),
  ).toBeVisible();
  expect(
    await database.db.select().from(twoFactorMethods).where(eq(twoFactorMethods.userId, member.id)),
  ).toEqual([]);
});
