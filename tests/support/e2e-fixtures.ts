import { test as base } from '@playwright/test';

/**
 * Browser tests import `test` and `expect` from here: the app's address is only known after
 * the global set-up has started it, so it reaches the tests through the environment.
 */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.GATEHOUSE_E2E_BASE_URL;
    if (!url)
      throw new Error(
        'GATEHOUSE_E2E_BASE_URL is not set: run the tests with `npx playwright test`',
      );
    await use(url);
  },
});

export { expect } from '@playwright/test';
