import { eq } from 'drizzle-orm';
import { expect, type Browser, type Page } from '@playwright/test';
import type { DatabaseHandle } from '@/db/database';
import { invitations, users } from '@/db/schema';
import type { ReceivedMessage } from './received-message';

// What the recipient of an emailed link does with it in a browser test on an own instance.

/** The password invitees set through their emailed link: one the password policy accepts. */
const inviteePassword = 'lantern orbit meadow 42';

/**
 * The one `/invite/` or `/reset/` link in an email, which must be on the configured base URL
 * (localhost, the instance's port).
 */
export function onlyLinkIn(
  instance: { url: string },
  message: ReceivedMessage,
  kind: 'invite' | 'reset',
): string {
  const port = new URL(instance.url).port;
  const links = message.links.filter((link) => link.includes(`/${kind}/`));
  expect(links).toHaveLength(1);
  expect(links[0]).toMatch(new RegExp(`^http://localhost:${port}/${kind}/[\\w-]{43}$`));
  return links[0]!;
}

/**
 * Opens an emailed link in a browser of the recipient's own, by its path: the link names
 * localhost, the app listens on 127.0.0.1.
 */
async function openEmailedLink(instance: { url: string }, browser: Browser, link: string) {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  return { context, page };
}

/** Sets `inviteePassword` on the page an invitation link opened: signs in, to the dashboard. */
async function setInviteePassword(page: Page): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(inviteePassword);
  await page.getByLabel('Confirm password').fill(inviteePassword);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * The invitee follows an emailed invitation link in a browser of their own: the page shows their
 * address, they set their password and land on the dashboard, signed in.
 */
export async function signUpThroughLink(
  instance: { url: string },
  browser: Browser,
  link: string,
  email: string,
) {
  const invitee = await openEmailedLink(instance, browser, link);
  await expect(invitee.page.getByLabel('Email')).toHaveValue(email);
  await setInviteePassword(invitee.page);
  return invitee;
}

/**
 * After a new invitation link was emailed: the old link now says it was replaced, the new one
 * signs the invitee up, and their stored links show the old one replaced and the new one used.
 */
export async function expectNewLinkReplacedOld(
  instance: { url: string; database: DatabaseHandle },
  browser: Browser,
  { email, oldLink, newLink }: { email: string; oldLink: string; newLink: string },
): Promise<void> {
  const old = await openEmailedLink(instance, browser, oldLink);
  await expect(
    old.page.getByRole('heading', { name: 'This invitation was replaced' }),
  ).toBeVisible();
  await old.context.close();

  const invitee = await openEmailedLink(instance, browser, newLink);
  await setInviteePassword(invitee.page);
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
}
