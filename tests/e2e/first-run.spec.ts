import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  launchAppServer,
  setupLinkOf,
  waitForResponse,
  type AppServer,
} from '../support/app-server';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { users } from '@/db/schema';

// A brand-new instance of its own: the shared e2e database already has users.

let cluster: PostgresCluster;
let database: TestDatabase;
let server: AppServer;

test.beforeAll(async () => {
  cluster = await startPostgresCluster();
  database = await createTestDatabase(cluster.url(), 'first_run');
  server = await launchAppServer({
    DATABASE_URL: database.url,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'gatehouse-first-run-')),
  });
  await waitForResponse(server);
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  cluster?.stop();
});

test('the set-up link from the log creates the host admin once, then the page is gone', async ({
  page,
}) => {
  const link = await setupLinkOf(server);
  expect(link).toMatch(new RegExp(`^${server.url}/setup\\?token=[\\w-]{43}$`));

  // A wrong token is refused with directions, and nothing is created.
  await page.goto(`${server.url}/setup?token=forged`);
  await expect(page.getByRole('heading', { name: 'This set-up link is not valid' })).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Create the host admin' })).toBeVisible();
  await page.getByLabel('Host name').fill('Nordlicht Media');
  await page.getByLabel('Your email').fill('Admin@Nordlicht.example');
  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await page.getByLabel('Confirm password').fill('password1234');
  await page.getByRole('button', { name: 'Create host admin' }).click();
  // The policy refuses a common password beside its field and keeps what was typed.
  await expect(page.getByText('This password is too common')).toBeVisible();
  await expect(page.getByLabel('Host name')).toHaveValue('Nordlicht Media');
  expect(await database.handle.db.select({ id: users.id }).from(users)).toEqual([]);

  await page.getByLabel('Password', { exact: true }).fill('lantern orbit meadow 42');
  await page.getByLabel('Confirm password').fill('lantern orbit meadow 41');
  await page.getByRole('button', { name: 'Create host admin' }).click();
  await expect(page.getByText('The two passwords differ')).toBeVisible();

  await page.getByLabel('Confirm password').fill('lantern orbit meadow 42');
  await page.getByRole('button', { name: 'Create host admin' }).click();
  await expect(page).toHaveURL(`${server.url}/dashboard`);
  await expect(page.getByRole('banner')).toContainText('Nordlicht Media');
  await expect(page.getByRole('banner')).toContainText('admin@nordlicht.example');

  const created = await database.handle.db
    .select({ email: users.email, hostRole: users.hostRole, status: users.status })
    .from(users);
  expect(created).toEqual([
    { email: 'admin@nordlicht.example', hostRole: 'admin', status: 'active' },
  ]);

  // Replaying the link, or opening /setup at all, now finds nothing.
  for (const url of [link, `${server.url}/setup`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
  }
});
