import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { outbox } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, signInAs, uniqueEmail } from '../support/e2e-users';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';

// A deployment with MAIL_ALLOWLIST emails only the addresses it names; the others' emails are
// held in Email delivery, where a host admin copies their links. Its own app instance: the
// allow-list and the SMTP switch belong to the whole instance.

const allowlist = '*@allowed.test, boss@example.test';
let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('mail_allowlist', { env: { MAIL_ALLOWLIST: allowlist } });
});

test.afterAll(async () => {
  await instance?.stop();
});

async function inviteHostUser(page: Page, email: string) {
  await page.goto(`${instance.url}/users`);
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Host role', { exact: true }).selectOption('standard');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const done = page.getByRole('dialog', { name: `${email} is invited` });
  const link = await done.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  return { done, link };
}

const banner = (page: Page) =>
  page.getByRole('region', { name: 'Email is limited on this deployment' });

test('an invitation to an allowed address is emailed; one to another is held with its link in Email delivery', async ({
  page,
}) => {
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  await signInAs(instance.database, page.context(), instance.url, admin);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  // The SMTP page says which addresses this deployment emails.
  await page.goto(`${instance.url}/settings/smtp`);
  await expect(banner(page)).toContainText(
    'This deployment only emails: *@allowed.test, boss@example.test (MAIL_ALLOWLIST).',
  );
  await expect(banner(page)).toContainText(
    'Other emails are held in Email delivery, where you can copy their links.',
  );
  await expect(banner(page).getByRole('link', { name: 'Email delivery' })).toHaveAttribute(
    'href',
    '/settings/delivery',
  );

  const allowedEmail = `ada-${Date.now()}@allowed.test`;
  const allowed = await inviteHostUser(page, allowedEmail);
  await expect(
    allowed.done.getByRole('status').filter({
      hasText: new RegExp(`^The invitation email was sent to ${allowedEmail} at \\S+`),
    }),
  ).toBeVisible({ timeout: 20_000 });
  const message = await instance.mailTo(allowedEmail);
  expect(message.links).toContain(allowed.link);
  await allowed.done.getByRole('button', { name: 'Done' }).click();

  const heldEmail = uniqueEmail('held');
  const held = await inviteHostUser(page, heldEmail);
  await expect(
    held.done.getByRole('status').filter({
      hasText: `The invitation email to ${heldEmail} is held: this deployment only emails allowed addresses.`,
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(held.done.getByRole('link', { name: 'Email delivery' })).toBeVisible();

  await page.goto(`${instance.url}/settings/delivery`);
  await expect(banner(page)).toContainText('This deployment only emails: *@allowed.test');
  const row = page.getByRole('row').filter({ hasText: heldEmail });
  await expect(row.getByRole('cell', { name: 'Held', exact: true })).toBeVisible();
  await expect(row).toContainText('Not emailed: this deployment only emails allowed addresses.');
  const shown = row.getByRole('textbox', { name: `Link in the email to ${heldEmail}` });
  await expect(shown).toHaveValue(held.link);
  await row.getByRole('button', { name: 'Copy link' }).click();
  await expect(row.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(held.link);
  // The sent invitation shows no link: only held emails give theirs away.
  const sentRow = page.getByRole('row').filter({ hasText: allowedEmail });
  await expect(sentRow).toContainText('Sent');
  await expect(sentRow.getByRole('textbox')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Resend does not send it while the address is not allowed, and says why.
  await row.getByRole('button', { name: `Resend the email to ${heldEmail}` }).click();
  await expect(row.getByRole('alert')).toHaveText(
    'Not sent: this deployment still does not email this address, so the email stays held. Copy its link and share it yourself.',
  );

  const stored = await instance.database.db
    .select({ status: outbox.status })
    .from(outbox)
    .where(eq(outbox.recipient, heldEmail));
  expect(stored).toEqual([{ status: 'held' }]);
  expect(instance.smtp.messages.filter((m) => m.envelope.rcptTo.includes(heldEmail))).toEqual([]);
  expect(instance.smtp.messages.map((m) => m.envelope.rcptTo)).toEqual([[allowedEmail]]);
});
