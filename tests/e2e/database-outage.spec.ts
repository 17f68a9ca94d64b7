import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { hostSettings } from '@/db/schema';
import { launchAppServer, waitForResponse, type AppServer } from '../support/app-server';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, e2eAppSecret, signInAs } from '../support/e2e-users';
import { actionId, encodeReply } from '../support/server-action';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The database goes away under a running console: every page, sign-in included, answers our
// own 503 page, a form says nothing was saved, the log says where the server tried, and once
// the database is back everything works again without a restart. Its own PostgreSQL cluster
// and app server: stopping the shared cluster would fail every other test.

let cluster: PostgresCluster;
let database: TestDatabase;
let server: AppServer;
let dataDir: string;

test.beforeAll(async () => {
  cluster = await startPostgresCluster();
  database = await createTestDatabase(cluster.url(), 'outage');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-outage-'));
  server = await launchAppServer({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_SECRET: e2eAppSecret,
    CRON_SECRET: cronSecret,
  });
  await waitForResponse(server);
});

test.afterAll(async () => {
  await server?.stop();
  await database?.handle.close();
  cluster?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const cronSecret = 'outage-cron-secret';
const outageTitle = 'Database unreachable';
const formError = /The database cannot be reached right now, so nothing was saved/;

async function statusOf(pathname: string, cookie = ''): Promise<number> {
  const response = await fetch(server.url + pathname, { redirect: 'manual', headers: { cookie } });
  await response.arrayBuffer();
  return response.status;
}

test('while the database is down pages answer our 503 page and forms say so; then it recovers', async ({
  page,
}) => {
  const admin = await createUser(database.handle, { hostRole: 'admin' });
  await signInAs(database.handle, page.context(), server.url, admin);
  await page.goto(`${server.url}/settings/general`);
  await page.getByRole('button', { name: 'Edit host name' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit host name' });
  await dialog.getByLabel('Host name').fill('Outage Media');

  cluster.pause();

  // Within the couple of seconds the console trusts its last look at the database.
  await expect.poll(() => statusOf('/sign-in'), { timeout: 15_000 }).toBe(503);

  // The form, open from before, answers beside its fields instead of failing.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(formError)).toBeVisible();

  // Signed out (sign-in) and signed in (dashboard): our page, with what happened and what next.
  const visitor = await page.context().browser()!.newPage();
  try {
    const signIn = await visitor.goto(`${server.url}/sign-in`);
    expect(signIn?.status()).toBe(503);
    await expect(visitor.getByRole('heading', { level: 1, name: outageTitle })).toBeVisible();
    await expect(visitor.getByText('recovers by itself')).toBeVisible();
  } finally {
    await visitor.close();
  }
  const dashboard = await page.goto(`${server.url}/dashboard`);
  expect(dashboard?.status()).toBe(503);
  await expect(page).toHaveTitle(new RegExp(outageTitle));
  await expect(page.getByRole('heading', { level: 1, name: outageTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/dashboard');

  // The scheduler's call is told to come back later, not that the server broke.
  const cron = await fetch(`${server.url}/api/cron/outbox`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  expect(cron.status).toBe(503);
  expect(await cron.json()).toEqual({ error: expect.stringMatching(/database cannot be reached/) });

  // Signing out needs the database to end the session: it says why it could not, and keeps
  // the cookie of the session it could not end, instead of failing.
  const [session] = (await page.context().cookies()).filter(
    (cookie) => cookie.name === 'gatehouse.session',
  );
  for (const [name, args] of [
    ['signOutAction', [new FormData()]],
    ['signOutEverywhereAction', []],
  ] as const) {
    const signOut = await fetch(`${server.url}/dashboard`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'next-action': actionId('app/(console)/session-actions.ts', name),
        accept: 'text/x-component',
        origin: server.url,
        cookie: `gatehouse.session=${session!.value}`,
      },
      body: (await encodeReply(args)) as BodyInit,
    });
    await signOut.arrayBuffer();
    expect(signOut.status, name).toBeLessThan(500);
    expect(signOut.headers.get('x-action-redirect'), name).toMatch(/^\/database-unavailable/);
    expect(signOut.headers.getSetCookie().join(), name).not.toContain('gatehouse.session');
  }

  // next-auth's own sign-out would clear the cookie and leave the session it could not end
  // valid: it answers 503 and keeps the cookie instead.
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]);
  const nextAuthSignOut = await fetch(`${server.url}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...csrfCookie, `gatehouse.session=${session!.value}`].join('; '),
    },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  expect(nextAuthSignOut.status).toBe(503);
  expect(await nextAuthSignOut.text()).toMatch(/database cannot be reached/);
  expect(nextAuthSignOut.headers.getSetCookie().join()).not.toContain('gatehouse.session');

  // The log names the server it could not reach and why.
  const location = database.url.replace(/^postgres:\/\/[^@]*@/, '');
  expect(server.output()).toContain(`Database unreachable: PostgreSQL at ${location}`);
  // In plain words, whichever failure it met first: the stop closing an open connection, a new
  // one refused, or (on a busy machine) a probe left unanswered.
  expect(server.output()).toMatch(
    /Database unreachable: .*: (connection refused|the server closed the connection|no answer within)/,
  );

  cluster.resume();

  await expect.poll(() => statusOf('/sign-in'), { timeout: 15_000 }).toBe(200);
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto(`${server.url}/settings/general`);
  await page.getByRole('button', { name: 'Edit host name' }).click();
  await dialog.getByLabel('Host name').fill('Outage Media');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Host name saved.' })).toBeVisible();
  const [row] = await database.handle.db
    .select({ hostName: hostSettings.hostName })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1));
  expect(row?.hostName).toBe('Outage Media');
  expect(server.output()).toContain('Database reachable again');
});
