import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { users } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { signedInHostAdmin, uniqueEmail } from '../support/e2e-users';
import { expectNewLinkReplacedOld, onlyLinkIn, signUpThroughLink } from '../support/emailed-links';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';

// The Users page with the SMTP switch on: invitations and new invite links are emailed, and
// the dialog follows the email until it is sent. Its own app instance, because the SMTP
// switch belongs to the whole instance.

let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('users_smtp');
});

test.afterAll(async () => {
  await instance?.stop();
});

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
  const admin = await signedInHostAdmin(instance, page);
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

  const message = await instance.mailTo(email);
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
  const link = onlyLinkIn(instance, message, 'invite');
  // The email carries the same link the dialog shows for copying.
  expect(link).toBe(shown);

  const invitee = await signUpThroughLink(instance, browser, link, email);
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
  await signedInHostAdmin(instance, page);
  const email = uniqueEmail('renewed');
  const done = await inviteHostUser(page, email, 'English');
  const first = await instance.mailTo(email);
  const firstLink = onlyLinkIn(instance, first, 'invite');
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

  const second = await instance.mailTo(email, [first]);
  expect(second.envelope.rcptTo).toEqual([email]);
  expect(second.parsed.subject).toBe('Your new invitation link for Gatehouse');
  const secondLink = onlyLinkIn(instance, second, 'invite');
  expect(secondLink).toBe(shown);
  expect(secondLink).not.toBe(firstLink);
  expect(
    instance.smtp.messages.filter((message) => message.envelope.rcptTo.includes(email)),
  ).toHaveLength(2);

  await expectNewLinkReplacedOld(instance, browser, {
    email,
    oldLink: firstLink,
    newLink: secondLink,
  });
});
