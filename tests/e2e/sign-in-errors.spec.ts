import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { launchAppServer, waitForResponse } from '../support/app-server';
import { postCredentials } from '../support/credentials-sign-in';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, e2eAppSecret } from '../support/e2e-users';
import { startPostgresCluster } from '../support/postgres-cluster';
import { createTestDatabase } from '../support/test-database';
import { logMessages } from '../support/server-log';

// A signed-out visitor never sees an internal error's text: not in next-auth's redirect URL
// (`error=`), not on the page. The server log keeps it.

const sqlText = /select|insert|from "|failed query|params:/i;

/** The `error` query of the URL next-auth answers a JSON sign-in POST with. */
async function errorOf(response: Awaited<ReturnType<typeof postCredentials>>) {
  const { url } = await response.json();
  expect(url).not.toMatch(sqlText);
  return new URL(url).searchParams.get('error');
}

test('a NUL or control character in the email is a wrong sign-in, with no SQL error', async ({
  request,
  makeUser,
}) => {
  const user = await makeUser();
  for (const email of [`${user.email}\u0000`, `\u0000${user.email}`, `a\u0001${user.email}`]) {
    const response = await postCredentials(request, { email, password: user.password });
    expect(response.status(), JSON.stringify(email)).toBe(401);
    expect(await errorOf(response)).toBe('CredentialsSignin');
  }
});

test('while the database is down, sign-in says so in words and logs the cause once', async ({
  page,
}) => {
  const cluster = await startPostgresCluster();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-outage-'));
  const database = await createTestDatabase(cluster.url(), 'sign_in_outage');
  const user = await createUser(database.handle);
  await database.handle.close();
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_SECRET: e2eAppSecret,
  });
  const request = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    await waitForResponse(server);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    cluster.stop();

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The database cannot be reached' }),
    ).toBeVisible();
    await expect(page.locator('body')).not.toContainText(sqlText);

    const response = await postCredentials(request, user);
    expect(await errorOf(response)).toBe('DatabaseUnavailable');

    // The page itself, loaded during the outage, shows no internals either.
    await page.reload();
    await expect(page.locator('body')).not.toContainText(sqlText);

    // Once per attempt, with what failed.
    const logged = logMessages(server.output()).filter((line) => line.startsWith('Sign-in failed'));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('ECONNREFUSED');
  } finally {
    await request.dispose();
    await server.stop();
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
