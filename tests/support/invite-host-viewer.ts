import { expect, type Page } from '@playwright/test';

/**
 * Invites `email` as a host viewer through the Users page of the app at `baseUrl`, as a host
 * admin does, and waits for the dialog that says it is done (the email is queued by then).
 */
export async function inviteHostViewer(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/users`);
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Host role', { exact: true }).selectOption('view');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('dialog', { name: `${email} is invited` })).toBeVisible();
}
