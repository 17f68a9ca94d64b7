import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import type { DatabaseHandle } from '@/db/database';
import { accounts } from '@/db/schema';
import { readStoredAccount } from './directory-fixtures';
import { signInAs, type TestUser } from './e2e-users';
import type { AccountStatus } from '@/db/schema';

/** A unique account name per call: other workers add accounts to the same database. */
export function uniqueAccountName(label = 'Account'): string {
  return `${label} ${randomBytes(4).toString('hex')}`;
}

/** An account as Add account (or a later status change) would leave it, for a test's set-up. */
export async function insertAccount(
  handle: DatabaseHandle,
  options: {
    name?: string;
    managed: boolean;
    status?: AccountStatus;
    delegatedUserManagement?: boolean;
  },
): Promise<{ id: string; name: string }> {
  const name = options.name ?? uniqueAccountName();
  const [account] = await handle.db
    .insert(accounts)
    .values({
      name,
      managed: options.managed,
      status: options.status ?? 'active',
      delegatedUserManagement: options.delegatedUserManagement ?? false,
    })
    .returning({ id: accounts.id });
  return { id: account!.id, name };
}

/** The stored name, status and flags of one account (undefined once it is deleted). */
export function storedAccount(handle: DatabaseHandle, id: string) {
  return readStoredAccount(handle.db, id);
}

/** A browser context of `user`'s own, already signed in (another person at another screen). */
export async function browserOf(
  browser: Browser,
  handle: DatabaseHandle,
  baseURL: string,
  user: TestUser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  await signInAs(handle, context, baseURL, user);
  return { context, page: await context.newPage() };
}

/** The Accounts table's row of the account named `name`. */
export function accountRow(page: Page, name: string, options: { exact?: boolean } = {}): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: options.exact }) });
}
