import { createHash } from 'node:crypto';
import { eq, inArray, like, or } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { passwordResets, throttle, users } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { createPendingInvitee, createUser, signInAs, uniqueEmail } from '../support/e2e-users';
import { onlyLinkIn } from '../support/emailed-links';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';
import type { ReceivedMessage } from '../support/received-message';

// "Forgot password" and reset links with the SMTP switch on: the neutral answer, the reset
// email, the reset itself and what it ends, every state of a link, an admin-made link that is
// emailed, and the throttle. Its own app instance, because the SMTP switch belongs to the
// whole instance.

const newPassword = 'lantern orbit meadow 42';
const wrongCredentials = 'The email or password is not right';
const resetDone =
  'Your password was changed and you were signed out everywhere. Sign in with the new password.';
const neutralAnswer = (email: string) =>
  `If an account exists for ${email}, a link to reset its password is on its way.`;
let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('password_reset_smtp');
});

// Every request of these tests comes from the same client address: each test starts with that
// client's counts at zero, so the per-client limits only show where a test is about them.
test.beforeEach(async () => {
  await instance.database.db
    .delete(throttle)
    .where(or(like(throttle.key, 'forgot:client:%'), like(throttle.key, 'sign-in:client:%')));
});

test.afterAll(async () => {
  await instance?.stop();
});

const mailsTo = (email: string) =>
  instance.smtp.messages.filter((message) => message.envelope.rcptTo.includes(email));

const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function newBrowser(browser: Browser) {
  const context = await browser.newContext({ baseURL: instance.url });
  return { context, page: await context.newPage() };
}

/** Asks for a reset link on /forgot-password and returns the answer the page gives. */
async function askForReset(page: Page, email: string) {
  await page.goto(`${instance.url}/forgot-password`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  return page.getByRole('main');
}

async function setNewPassword(page: Page, password = newPassword) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function resetRows(userId: string) {
  return instance.database.db
    .select({
      tokenHash: passwordResets.tokenHash,
      kind: passwordResets.kind,
      createdAt: passwordResets.createdAt,
      expiresAt: passwordResets.expiresAt,
      createdBy: passwordResets.createdBy,
      usedAt: passwordResets.usedAt,
      replacedAt: passwordResets.replacedAt,
    })
    .from(passwordResets)
    .where(eq(passwordResets.userId, userId))
    .orderBy(passwordResets.createdAt);
}

/** Asks for a reset link for `email` and returns the link from the email that arrives. */
async function emailedLink(page: Page, email: string, except: ReceivedMessage[] = []) {
  await expect(await askForReset(page, email)).toContainText(neutralAnswer(email));
  const message = await instance.mailTo(email, except);
  return { message, link: onlyLinkIn(instance, message, 'reset') };
}

test('forgot password: the email arrives in German, the new password works, every session ends', async ({
  browser,
}) => {
  const user = await createUser(instance.database, { hostRole: 'standard', language: 'de' });

  // Browser B: the user, signed in.
  const b = await newBrowser(browser);
  await signInAs(instance.database, b.context, instance.url, user);
  await b.page.goto('/dashboard');
  await expect(b.page.getByRole('banner')).toContainText(user.email);

  // Browser A: forgot password, from the sign-in page.
  const a = await newBrowser(browser);
  await a.page.goto('/sign-in');
  await a.page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(a.page).toHaveURL(/\/forgot-password$/);
  await expect(a.page.getByRole('main')).toContainText('Enter the email address you sign in with.');
  await a.page.getByLabel('Email').fill(user.email);
  await a.page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(
    a.page.getByRole('status').filter({ hasText: neutralAnswer(user.email) }),
  ).toBeVisible();
  await expect(a.page.getByRole('main')).toContainText('The link works once, for 1 hour.');

  const message = await instance.mailTo(user.email);
  expect(message.envelope.rcptTo).toEqual([user.email]);
  expect(message.parsed.from?.value).toEqual([
    { name: 'Nordlicht', address: 'noreply@nordlicht.test' },
  ]);
  expect(message.parsed.subject).toBe('Passwort für Gatehouse zurücksetzen');
  expect(message.parsed.text).toContain(
    `Jemand möchte das Passwort von ${user.email} bei Gatehouse zurücksetzen.`,
  );
  expect(message.parsed.html).toContain('Neues Passwort festlegen');
  const link = onlyLinkIn(instance, message, 'reset');

  // Stored as a hash only, living 1 hour.
  const [row] = await resetRows(user.id);
  expect(row).toMatchObject({
    tokenHash: sha256(tokenOf(link)),
    kind: 'self_service',
    createdBy: null,
    usedAt: null,
  });
  expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - 3_600_000)).toBeLessThan(
    60_000,
  );

  await a.page.goto(new URL(link).pathname);
  await expect(a.page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(a.page.getByLabel('Email')).toHaveValue(user.email);
  await setNewPassword(a.page);
  await expect(a.page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(a.page.getByRole('status').filter({ hasText: resetDone })).toBeVisible();

  await signInWithForm(a.page, user.email, user.password);
  await expect(a.page.getByRole('alert').filter({ hasText: wrongCredentials })).toBeVisible();
  await expect(a.page).toHaveURL(/\/sign-in/);
  await signInWithForm(a.page, user.email, newPassword);
  await expect(a.page).toHaveURL(/\/dashboard$/);
  await expect(a.page.getByRole('banner')).toContainText(user.email);

  // Browser B was signed out: its next navigation goes to sign-in.
  await b.page.goto('/dashboard');
  await expect(b.page).toHaveURL(/\/sign-in/);

  // "Your password was changed", in German too.
  const changed = await instance.mailTo(user.email, [message]);
  expect(changed.parsed.subject).toBe('Ihr Passwort für Gatehouse wurde geändert');
  expect(changed.parsed.text).toContain(`Das Passwort von ${user.email} bei Gatehouse wurde am`);
  expect(mailsTo(user.email)).toHaveLength(2);
  await a.context.close();
  await b.context.close();
});

test('locked out by five wrong passwords: the page says how long and leads to a reset, which lifts the lock', async ({
  page,
}) => {
  const user = await createUser(instance.database, { hostRole: 'admin' });
  // Anyone can do this much to any address they know.
  await page.goto(`${instance.url}/sign-in`);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInWithForm(page, user.email, `a wrong guess ${attempt}`);
  }
  const throttled = page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins' });
  await expect(throttled).toHaveText(
    'Too many failed sign-ins. Try again in 15 minutes, or reset your password.',
  );

  await throttled.getByRole('link', { name: 'reset your password' }).click();
  await expect(page).toHaveURL(/\/forgot-password\?email=/);
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: neutralAnswer(user.email) }),
  ).toBeVisible();
  const link = onlyLinkIn(instance, await instance.mailTo(user.email), 'reset');
  await page.goto(link);
  await setNewPassword(page);
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);

  // Owning the inbox ends the lock-out at once, not in 15 minutes.
  await signInWithForm(page, user.email, newPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText(user.email);
});

test('unknown, pending and deactivated addresses get the same answer and no email', async ({
  page,
}) => {
  const unknown = uniqueEmail('nobody');
  const pending = await createPendingInvitee(instance.database);
  const deactivated = await createUser(instance.database, {
    hostRole: 'standard',
    status: 'deactivated',
  });
  const active = await createUser(instance.database, { hostRole: 'standard' });

  // The whole answer, with the address written as <email>, is one and the same text.
  const answers: string[] = [];
  for (const email of [unknown, pending.email, deactivated.email, active.email]) {
    const main = await askForReset(page, email);
    await expect(main.getByRole('status').filter({ hasText: neutralAnswer(email) })).toBeVisible();
    answers.push((await main.innerText()).replaceAll(email, '<email>'));
  }
  expect(answers[0]).toContain(neutralAnswer('<email>'));
  expect(new Set(answers).size).toBe(1);

  // The active user's email came; the others', asked for before it, never do.
  await instance.mailTo(active.email);
  await page.waitForTimeout(2000);
  for (const email of [unknown, pending.email, deactivated.email]) {
    expect(mailsTo(email), email).toEqual([]);
  }
  expect(mailsTo(active.email)).toHaveLength(1);
  expect(
    await instance.database.db
      .select({ id: passwordResets.id })
      .from(passwordResets)
      .where(inArray(passwordResets.userId, [pending.id, deactivated.id])),
  ).toEqual([]);
});

test('used, replaced, tampered and deactivated-user links each get their own page', async ({
  page,
  browser,
}) => {
  const user = await createUser(instance.database, { hostRole: 'standard' });

  // Replaced: a newer link was asked for.
  const first = await emailedLink(page, user.email);
  const second = await emailedLink(page, user.email, [first.message]);
  expect(second.link).not.toBe(first.link);
  const visitor = await newBrowser(browser);
  await visitor.page.goto(new URL(first.link).pathname);
  await expect(
    visitor.page.getByRole('heading', { name: 'This reset link was replaced' }),
  ).toBeVisible();
  await expect(visitor.page.getByLabel('New password', { exact: true })).toHaveCount(0);

  // Opening a link consumes nothing: the newer one still shows its form after two visits.
  await visitor.page.goto(new URL(second.link).pathname);
  await visitor.page.reload();
  await expect(visitor.page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await setNewPassword(visitor.page);
  await expect(visitor.page).toHaveURL(/\/sign-in\?reset=done$/);

  // Used: the same link a second time.
  await visitor.page.goto(new URL(second.link).pathname);
  await expect(
    visitor.page.getByRole('heading', { name: 'This reset link has already been used' }),
  ).toBeVisible();
  await expect(visitor.page.getByLabel('New password', { exact: true })).toHaveCount(0);

  // Tampered or cut short: not valid.
  const token = tokenOf(second.link);
  const changed = (token.startsWith('A') ? 'B' : 'A') + token.slice(1);
  for (const bad of [token.slice(0, -3), changed]) {
    await visitor.page.goto(`/reset/${bad}`);
    await expect(
      visitor.page.getByRole('heading', { name: 'This reset link is not valid' }),
    ).toBeVisible();
  }

  // Deactivated after the link was sent: the open form is refused on submit, and the link
  // then says so.
  const other = await createUser(instance.database, { hostRole: 'standard' });
  const sent = await emailedLink(page, other.email);
  await visitor.page.goto(new URL(sent.link).pathname);
  await expect(visitor.page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  const [before] = await instance.database.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, other.id));
  await instance.database.db
    .update(users)
    .set({ status: 'deactivated' })
    .where(eq(users.id, other.id));
  await setNewPassword(visitor.page);
  await expect(
    visitor.page
      .getByRole('alert')
      .filter({ hasText: 'The user is not active, so the password cannot be reset.' }),
  ).toBeVisible();
  await expect(visitor.page).toHaveURL(new RegExp(`/reset/${tokenOf(sent.link)}$`));
  const [after] = await instance.database.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, other.id));
  expect(after?.passwordHash).toBe(before?.passwordHash);
  expect((await resetRows(other.id))[0]?.usedAt).toBeNull();
  await visitor.page.reload();
  await expect(
    visitor.page.getByRole('heading', { name: 'This user cannot sign in' }),
  ).toBeVisible();
  await expect(visitor.page.getByLabel('New password', { exact: true })).toHaveCount(0);
  await visitor.context.close();
});

test('a host admin’s reset link is emailed, the dialog says when, and the link works', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  await signInAs(instance.database, page.context(), instance.url, admin);
  const user = await createUser(instance.database, { hostRole: 'view' });

  await page.goto(`${instance.url}/users?q=${encodeURIComponent(user.email)}`);
  await page.getByRole('button', { name: `Edit ${user.email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${user.email}` });
  await dialog.getByRole('button', { name: 'Make reset link' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Reset link' });
  await expect(linkField).toHaveValue(/\/reset\/[\w-]{43}$/);
  const shown = await linkField.inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  await expect(
    dialog.getByRole('status').filter({
      hasText: new RegExp(`^The reset email was sent to ${user.email} at \\S+`),
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(dialog).not.toContainText('nothing was sent');

  const message = await instance.mailTo(user.email);
  expect(message.envelope.rcptTo).toEqual([user.email]);
  expect(message.parsed.subject).toBe('Reset your password for Gatehouse');
  expect(message.parsed.text).toContain(
    `${admin.email} made a link for you to choose a new password for ${user.email} on Gatehouse.`,
  );
  const link = onlyLinkIn(instance, message, 'reset');
  expect(link).toBe(shown);
  const [row] = await resetRows(user.id);
  expect(row).toMatchObject({
    tokenHash: sha256(tokenOf(link)),
    kind: 'admin',
    createdBy: admin.id,
  });
  expect(
    Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - 24 * 3_600_000),
  ).toBeLessThan(60_000);

  const theirs = await newBrowser(browser);
  await theirs.page.goto(new URL(link).pathname);
  await setNewPassword(theirs.page);
  await expect(theirs.page).toHaveURL(/\/sign-in\?reset=done$/);
  await signInWithForm(theirs.page, user.email, newPassword);
  await expect(theirs.page).toHaveURL(/\/dashboard$/);
  const changed = await instance.mailTo(user.email, [message]);
  expect(changed.parsed.subject).toBe('Your password for Gatehouse was changed');
  await theirs.context.close();
});

test('the fourth request for one address within 15 minutes is refused', async ({ page }) => {
  const user = await createUser(instance.database, { hostRole: 'standard' });
  for (let request = 1; request <= 3; request++) {
    await expect(await askForReset(page, user.email)).toContainText(neutralAnswer(user.email));
  }
  const main = await askForReset(page, user.email);
  await expect(
    main.getByRole('alert').filter({
      hasText: /^Too many reset requests for this address or from your network\. Try again at /,
    }),
  ).toBeVisible();
  await expect(main).not.toContainText(neutralAnswer(user.email));

  // Three links were made (each replacing the one before), no fourth.
  await expect.poll(async () => (await resetRows(user.id)).length).toBe(3);
  await page.waitForTimeout(2000);
  const rows = await resetRows(user.id);
  expect(rows).toHaveLength(3);
  expect(rows.filter((row) => row.replacedAt === null)).toHaveLength(1);

  // Another address from the same browser is still answered.
  const other = uniqueEmail('other');
  await expect(await askForReset(page, other)).toContainText(neutralAnswer(other));
});

test('one client asking for many addresses is refused after ten requests', async ({ page }) => {
  for (let request = 1; request <= 10; request++) {
    const email = uniqueEmail(`probe${request}`);
    await expect(await askForReset(page, email)).toContainText(neutralAnswer(email));
  }
  const main = await askForReset(page, uniqueEmail('probe11'));
  await expect(
    main.getByRole('alert').filter({ hasText: /^Too many reset requests/ }),
  ).toBeVisible();
});
