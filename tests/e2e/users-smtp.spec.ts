import { eq } from 'drizzle-orm';
import type { Browser, Page } from '@playwright/test';
import { invitations, smtpSettings, users } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, e2eAppSecret, signInAs, uniqueEmail } from '../support/e2e-users';
import { startOwnInstance, type OwnInstance } from '../support/own-instance';
import type { ReceivedMessage } from '../support/received-message';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { testSmtpSettings } from '../support/test-smtp-settings';

// The Users page with the SMTP switch on: invitations and new invite links are emailed, and
// the dialog follows the email until it is sent. Its own app instance, because the SMTP
// switch belongs to the whole instance.

const smtpUser = { user: 'mailer@nordlicht.test', pass: 'app-password-5e21b0' };
const newPassword = 'lantern orbit meadow 42';
let instance: OwnInstance;
let server: TestSmtpServer;

test.beforeAll(async () => {
  instance = await startOwnInstance('users_smtp');
  server = await startTestSmtpServer({ mode: 'tls', auth: smtpUser });
  await instance.database.db
    .insert(smtpSettings)
    .values(testSmtpSettings(server, { credentials: smtpUser, appSecret: e2eAppSecret }));
});

test.afterAll(async () => {
  await server?.close();
  await instance?.stop();
});

async function signedInAdmin(page: Page) {
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  await signInAs(instance.database, page.context(), instance.url, admin);
  return admin;
}

/** The one invitation link in an email: on the configured base URL (localhost, this port). */
function inviteLinkIn(message: ReceivedMessage): string {
  const port = new URL(instance.url).port;
  const links = message.links.filter((link) => link.includes('/invite/'));
  expect(links).toHaveLength(1);
  expect(links[0]).toMatch(new RegExp(`^http://localhost:${port}/invite/[\\w-]{43}$`));
  return links[0]!;
}

const mailTo = (email: string, except: ReceivedMessage[] = []) =>
  server.waitForMessage(
    (message) => message.envelope.rcptTo.includes(email) && !except.includes(message),
    15_000,
  );

/** Opens an emailed link in a browser of the invitee's own (by its path: see the note above). */
async function accept(browser: Browser, link: string) {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  return { context, page };
}

async function setPassword(page: Page) {
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm password').fill(newPassword);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function inviteHostUser(page: Page, email: string, language: 'English' | 'Deutsch') {
  await page.goto(`${instance.url}/users`);
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await expect(dialog).toContainText('They get an email with a link to set their password.');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Language').selectOption({ label: language });
  await dialog.getByLabel('Host role', { exact: true }).selectOption('standard');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  return page.getByRole('dialog', { name: `${email} is invited` });
}

test('an invitation in German is emailed, the dialog says when it was sent, and its link works', async ({
  page,
  browser,
}) => {
  const admin = await signedInAdmin(page);
  const email = uniqueEmail('eingeladen');
  const done = await inviteHostUser(page, email, 'Deutsch');

  // The dialog follows the email: queued, then sent.
  await expect(
    done.getByRole('status').filter({
      hasText: new RegExp(`^The invitation email was sent to ${email} at \\S+`),
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(done).not.toContainText('nothing was sent');
  const shown = await done.getByRole('textbox', { name: 'Invitation link' }).inputValue();

  const message = await mailTo(email);
  expect(message.envelope.rcptTo).toEqual([email]);
  expect(message.parsed.to).toMatchObject({ value: [{ address: email }] });
  expect(message.parsed.from?.value).toEqual([
    { name: 'Nordlicht', address: 'noreply@nordlicht.test' },
  ]);
  expect(message.parsed.subject).toBe('Einladung zu Gatehouse');
  expect(message.parsed.text).toContain(
    `${admin.email} hat Sie mit der Adresse ${email} zu Gatehouse eingeladen.`,
  );
  expect(message.parsed.html).toContain('Einladung annehmen');
  const link = inviteLinkIn(message);
  // The email carries the same link the dialog shows for copying.
  expect(link).toBe(shown);

  const invitee = await accept(browser, link);
  await expect(invitee.page.getByLabel('Email')).toHaveValue(email);
  await setPassword(invitee.page);
  await invitee.context.close();
  const [stored] = await instance.database.db
    .select({ status: users.status, hostRole: users.hostRole, language: users.language })
    .from(users)
    .where(eq(users.email, email));
  expect(stored).toEqual({ status: 'active', hostRole: 'standard', language: 'de' });
});

test('Generate invite link emails a new link; the first one then says it was replaced', async ({
  page,
  browser,
}) => {
  await signedInAdmin(page);
  const email = uniqueEmail('renewed');
  const done = await inviteHostUser(page, email, 'English');
  const first = await mailTo(email);
  const firstLink = inviteLinkIn(first);
  await expect(
    done.getByRole('status').filter({ hasText: `The invitation email was sent to ${email}` }),
  ).toBeVisible({ timeout: 20_000 });
  await done.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: `Edit ${email}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email}` });
  await dialog.getByRole('button', { name: 'Generate invite link' }).click();
  const shown = await dialog.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  await expect(
    dialog.getByRole('status').filter({
      hasText: new RegExp(`^The invitation email was sent to ${email} at \\S+`),
    }),
  ).toBeVisible({ timeout: 20_000 });

  const second = await mailTo(email, [first]);
  expect(second.envelope.rcptTo).toEqual([email]);
  expect(second.parsed.subject).toBe('Your new invitation link for Gatehouse');
  const secondLink = inviteLinkIn(second);
  expect(secondLink).toBe(shown);
  expect(secondLink).not.toBe(firstLink);
  expect(server.messages.filter((message) => message.envelope.rcptTo.includes(email))).toHaveLength(
    2,
  );

  const old = await accept(browser, firstLink);
  await expect(
    old.page.getByRole('heading', { name: 'This invitation was replaced' }),
  ).toBeVisible();
  await old.context.close();

  const invitee = await accept(browser, secondLink);
  await setPassword(invitee.page);
  await invitee.context.close();
  const [user] = await instance.database.db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  expect(user?.status).toBe('active');
  const links = await instance.database.db
    .select({ usedAt: invitations.usedAt, replacedAt: invitations.replacedAt })
    .from(invitations)
    .where(eq(invitations.userId, user!.id))
    .orderBy(invitations.createdAt);
  expect(links).toEqual([
    { usedAt: null, replacedAt: expect.any(Date) },
    { usedAt: expect.any(Date), replacedAt: null },
  ]);
});
