import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createPendingInvitee } from '../support/e2e-users';

// The accept page /invite/[token]: every state of a link, and a signed-in visitor.

test('an invitee sets a password, lands on the dashboard as active, and the link is then used', async ({
  page,
  database,
}) => {
  const invitee = await createPendingInvitee(database);
  await page.goto(invitee.path);
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(invitee.email);
  await expect(page.getByLabel('Email')).toHaveAttribute('readonly', '');
  await expectNoSeriousA11yViolations(page);

  // Opening consumed nothing; a weak password is refused beside its field.
  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await page.getByLabel('Confirm password').fill('password1234');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByText('This password is too common')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill('lantern orbit meadow 42');
  await page.getByLabel('Confirm password').fill('lantern orbit meadow 42');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText(invitee.email);
  const [row] = await database.db
    .select({ status: users.status })
    .from(users)
    .where(eq(users.id, invitee.id));
  expect(row?.status).toBe('active');

  // Signed in now, and the link is spent.
  await page.context().clearCookies();
  await page.goto(invitee.path);
  await expect(
    page.getByRole('heading', { name: 'This invitation has already been used' }),
  ).toBeVisible();
});

test('expired, tampered and signed-in cases each get their own page', async ({
  page,
  database,
  hostAdmin,
}) => {
  const expired = await createPendingInvitee(database, { expired: true });
  await page.goto(expired.path);
  await expect(page.getByRole('heading', { name: 'This invitation has expired' })).toBeVisible();

  await page.goto(`${expired.path.slice(0, -5)}`);
  await expect(
    page.getByRole('heading', { name: 'This invitation link is not valid' }),
  ).toBeVisible();

  // Signed in as the host admin: told who they are, offered to sign out and come back.
  const invitee = await createPendingInvitee(database);
  await page.goto(invitee.path);
  await expect(page.getByText(`You are signed in as ${hostAdmin.email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(invitee.email);
});
