import { test as base } from '@playwright/test';
import type { DatabaseHandle } from '@/db/database';
import { openPostgres } from '@/db/open-postgres';
import type { AccountRole } from '@/lib/auth/permissions';
import { createUser, signInAs, type TestUser } from './e2e-users';

interface Fixtures {
  /** Creates an active user (host admin unless said otherwise). */
  makeUser: (options?: Parameters<typeof createUser>[1]) => Promise<TestUser>;
  /** Creates an active individual user (no host role) with one role in one account. */
  makeAccountMember: (account: { id: string }, role: AccountRole) => Promise<TestUser>;
  /** Signs this test's browser context in as the user, without the UI. */
  signIn: (user: TestUser) => Promise<string>;
  /** A host admin, already signed in. */
  hostAdmin: TestUser;
}

interface WorkerFixtures {
  /** The database the app under test uses (the harness's own cluster). */
  database: DatabaseHandle;
}

/**
 * Browser tests import `test` and `expect` from here: the app's address and database are only
 * known after the global set-up has started them, so they arrive through the environment.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.GATEHOUSE_E2E_BASE_URL;
    if (!url) {
      throw new Error(
        'GATEHOUSE_E2E_BASE_URL is not set: run the tests with `npx playwright test`',
      );
    }
    await use(url);
  },
  database: [
    async ({}, use) => {
      const url = process.env.GATEHOUSE_E2E_DATABASE_URL;
      if (!url) throw new Error('GATEHOUSE_E2E_DATABASE_URL is not set');
      const handle = openPostgres(url, { maxConnections: 2 });
      await use(handle);
      await handle.close();
    },
    { scope: 'worker' },
  ],
  makeUser: async ({ database }, use) => {
    await use((options) => createUser(database, options));
  },
  makeAccountMember: async ({ makeUser }, use) => {
    await use((account, role) =>
      makeUser({ hostRole: null, accountRoles: [{ accountId: account.id, role }] }),
    );
  },
  signIn: async ({ database, context, baseURL }, use) => {
    await use((user) => signInAs(database, context, baseURL!, user));
  },
  hostAdmin: async ({ makeUser, signIn }, use) => {
    const admin = await makeUser({ hostRole: 'admin' });
    await signIn(admin);
    await use(admin);
  },
});

export { expect } from '@playwright/test';
