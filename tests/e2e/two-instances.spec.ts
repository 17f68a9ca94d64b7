import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from '@playwright/test';
import { hostSettings, outbox, throttle, twoFactorMethods } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, signInCookie, type TestUser } from '../support/e2e-users';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';
import { startSecondInstance, type SecondInstance } from '../support/own-instance';
import { actionId, callFormAction, returnedValue } from '../support/server-action';

// Two `next start` processes on one database, behind nothing but two ports, as several
// instances behind a load balancer: what must be shared (sessions, sign-in throttling, the
// outbox) lives in the database, so either instance sees what the other did, and no email is
// sent twice. Both run with the same app secret; each has its own data folder. Browsers keep
// cookies per host, not per port, so a browser signed in on one is signed in on the other.

let first: InstanceWithSmtp;
let second: SecondInstance;

test.beforeAll(async () => {
  first = await startInstanceWithSmtp('two_instances');
  second = await startSecondInstance(first, 'two_instances_b');
});

test.afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

const instances = () => ({ a: first.url, b: second.url });

async function signInWithForm(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the dashboard on `url` and checks the page is `user`'s, signed in. */
async function expectSignedIn(page: Page, url: string, user: TestUser) {
  await page.goto(`${url}/dashboard`);
  await expect(page).toHaveURL(`${url}/dashboard`);
  await expect(page.getByRole('banner')).toContainText(user.email);
}

async function expectSentToSignIn(page: Page, url: string) {
  await page.goto(`${url}/dashboard`);
  await expect(page).toHaveURL(new RegExp(`^${url}/sign-in`));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function sessionCookieOf(context: BrowserContext) {
  const cookie = (await context.cookies()).find(({ name }) => name === 'gatehouse.session');
  expect(cookie, 'the browser holds a session cookie').toBeDefined();
  return cookie!;
}

async function openUserMenuItem(page: Page, url: string, item: string) {
  await page.goto(`${url}/dashboard`);
  await page.locator('summary').filter({ hasText: 'User menu' }).click();
  await page.getByRole('button', { name: item, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${url}/sign-in\\?signedOut=1$`));
}

test.describe('a session revoked through one instance is refused by the other', () => {
  test('Sign out through A: the same cookie no longer works on B', async ({ page, context }) => {
    const { a, b } = instances();
    const user = await createUser(first.database, { hostRole: 'standard' });
    // Signed in by B; the cookie B made is good on A as well.
    await signInWithForm(page, b, user.email, user.password);
    await expect(page).toHaveURL(`${b}/dashboard`);
    await expectSignedIn(page, a, user);
    await expectSignedIn(page, b, user);
    const cookie = await sessionCookieOf(context);

    await openUserMenuItem(page, a, 'Sign out');
    // The browser dropped the cookie; someone who kept a copy replays it on B.
    await context.addCookies([cookie]);
    await expectSentToSignIn(page, b);
    await expectSentToSignIn(page, a);
  });

  test("Sign out everywhere through A ends a browser's session on B", async ({ page, browser }) => {
    const { a, b } = instances();
    const user = await createUser(first.database, { hostRole: 'standard' });
    await signInWithForm(page, a, user.email, user.password);
    await expect(page).toHaveURL(`${a}/dashboard`);
    const elsewhere = await browser.newContext();
    const elsewherePage = await elsewhere.newPage();
    await signInWithForm(elsewherePage, b, user.email, user.password);
    await expect(elsewherePage).toHaveURL(`${b}/dashboard`);
    await expectSignedIn(elsewherePage, b, user);

    await openUserMenuItem(page, a, 'Sign out everywhere');
    await expectSentToSignIn(elsewherePage, b);
    await elsewhere.close();
  });

  test('a host admin deactivating a user on A signs them out of B', async ({ page, browser }) => {
    const { a, b } = instances();
    const admin = await createUser(first.database, { hostRole: 'admin' });
    const target = await createUser(first.database, { hostRole: 'standard' });
    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await signInWithForm(theirPage, b, target.email, target.password);
    await expect(theirPage).toHaveURL(`${b}/dashboard`);
    await expectSignedIn(theirPage, b, target);

    await signInWithForm(page, a, admin.email, admin.password);
    await expect(page).toHaveURL(`${a}/dashboard`);
    await page.goto(`${a}/users?q=${encodeURIComponent(target.email)}`);
    await page.getByRole('button', { name: `Edit ${target.email}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${target.email}` });
    await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(
      dialog.getByRole('status').filter({ hasText: 'Deactivated. Their sessions have ended.' }),
    ).toBeVisible();

    await expectSentToSignIn(theirPage, b);
    await theirs.close();
  });
});

// lib/auth/sign-in-throttle.ts: the fifth failure for an address within 15 minutes blocks it.
const emailLimit = 5;
const genericError = 'The email or password is not right';
const throttled = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins' });

test('sign-in failures for an address count across both instances', async ({ page }) => {
  const { a, b } = instances();
  const user = await createUser(first.database, { hostRole: 'standard' });
  // Alternating B, A, B, A: each instance alone has seen at most two failures.
  for (let attempt = 1; attempt < emailLimit; attempt++) {
    await signInWithForm(page, attempt % 2 ? b : a, user.email, `wrong password ${attempt}`);
    await expect(page.getByRole('alert').filter({ hasText: genericError })).toBeVisible();
    await expect(throttled(page)).toHaveCount(0);
  }
  // The fifth, on B (which has seen only two of the four before), reaches the limit.
  await signInWithForm(page, b, user.email, `wrong password ${emailLimit}`);
  await expect(throttled(page)).toContainText('Too many failed sign-ins. Try again in 15 minutes');
  const [row] = await first.database.db
    .select({ attempts: throttle.attempts, blockedUntil: throttle.blockedUntil })
    .from(throttle)
    .where(eq(throttle.key, `sign-in:email:${user.email}`));
  expect(row?.attempts).toBe(emailLimit);
  expect(row?.blockedUntil?.getTime()).toBeGreaterThan(Date.now());

  // While blocked, even the right password is refused, on either instance.
  for (const url of [a, b]) {
    await signInWithForm(page, url, user.email, user.password);
    await expect(throttled(page)).toBeVisible();
    await expect(page).toHaveURL(`${url}/sign-in`);
  }
});

const invitationCount = 300;
/** Requests in flight at once, per instance. */
const perInstanceConcurrency = 15;

/** Runs `work` over `items` with at most `limit` of them at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

test('300 invitations created through both instances are each emailed exactly once', async () => {
  test.setTimeout(120_000);
  const { a, b } = instances();
  const admin = await createUser(first.database, { hostRole: 'admin' });
  const cookie = await signInCookie(first.database, admin);
  const id = actionId('app/(console)/users/actions.ts', 'inviteUserAction');
  const run = randomBytes(3).toString('hex');
  const addresses = Array.from(
    { length: invitationCount },
    (_, n) => `many-${run}-${n}@example.test`,
  );
  const answers = new Map<string, unknown>();

  // Half through each instance, both at once.
  await Promise.all(
    [a, b].map((url, half) =>
      inPool(
        addresses.filter((_, n) => n % 2 === half),
        perInstanceConcurrency,
        async (email) => {
          const response = await callFormAction({
            url: `${url}/users`,
            id,
            cookie,
            fields: { email, language: 'en', type: 'host', hostRole: 'view', accounts: '[]' },
          });
          expect(response.status, `inviting ${email} through ${url}`).toBe(200);
          answers.set(email, returnedValue(response.text));
        },
      ),
    ),
  );
  for (const email of addresses) {
    expect(answers.get(email), `the answer to inviting ${email}`).toMatchObject({ ok: true });
  }

  // Both processes send (each drains after its own invitations, and sweeps).
  await expect
    .poll(() => first.smtp.messages.length, {
      timeout: 60_000,
      message: 'invitation emails received',
    })
    .toBeGreaterThanOrEqual(invitationCount);
  await expect
    .poll(
      async () => {
        const rows = await first.database.db
          .select({ status: outbox.status })
          .from(outbox)
          .where(eq(outbox.kind, 'invitation'));
        return rows.filter((row) => row.status !== 'sent').length;
      },
      { timeout: 30_000, message: 'invitation emails not yet marked sent' },
    )
    .toBe(0);
  // A quiet spell in which a second send of any of them (a row claimed twice) would arrive.
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const perAddress = new Map<string, number>();
  for (const message of first.smtp.messages) {
    for (const recipient of message.envelope.rcptTo) {
      perAddress.set(recipient, (perAddress.get(recipient) ?? 0) + 1);
    }
  }
  const duplicates = [...perAddress].filter(([, count]) => count !== 1);
  expect(duplicates, 'addresses emailed more than once').toEqual([]);
  expect([...perAddress.keys()].sort()).toEqual([...addresses].sort());
  expect(first.smtp.messages).toHaveLength(invitationCount);
  // Each email carries its own invitation link.
  const links = first.smtp.messages.map((message) =>
    message.links.filter((link) => link.includes('/invite/')),
  );
  expect(links.every((found) => found.length === 1)).toBe(true);
  expect(new Set(links.flat()).size).toBe(invitationCount);

  const rows = await first.database.db
    .select({ recipient: outbox.recipient, status: outbox.status, attempts: outbox.attempts })
    .from(outbox)
    .where(eq(outbox.kind, 'invitation'));
  expect(rows).toHaveLength(invitationCount);
  expect(rows.filter((row) => row.status !== 'sent' || row.attempts !== 1)).toEqual([]);
  expect(rows.map((row) => row.recipient).sort()).toEqual([...addresses].sort());
});

test('the second sign-in step: a code emailed through A is taken by B, wrong codes counted by both', async ({
  page,
}) => {
  const { a, b } = instances();
  const user = await createUser(first.database, { hostRole: 'standard' });
  await first.database.db
    .insert(twoFactorMethods)
    .values({ userId: user.id, method: 'email', confirmedAt: new Date() });
  await first.database.db
    .update(hostSettings)
    .set({ twoFactorPolicy: 'optional' })
    .where(eq(hostSettings.id, 1));
  try {
    const before = [...first.smtp.messages];
    await signInWithForm(page, a, user.email, user.password);
    await expect(page).toHaveURL(new RegExp(`^${a}/sign-in/two-factor`));
    const code = (await first.mailTo(user.email, before)).parsed.text?.match(/\b(\d{6})\b/)?.[1];
    expect(code).toBeDefined();
    const wrong = code === '000000' ? '111111' : '000000';

    // One wrong code on each instance: the challenge counts both.
    const field = page.getByLabel('Code from the email');
    await field.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(field).toHaveAccessibleDescription(/4 tries left/);
    await page.goto(`${b}/sign-in/two-factor`);
    await field.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(field).toHaveAccessibleDescription(/3 tries left/);

    // The code A emailed signs in on B.
    await field.fill(code!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(`${b}/dashboard`);
    await expectSignedIn(page, a, user);
  } finally {
    await first.database.db
      .update(hostSettings)
      .set({ twoFactorPolicy: 'off' })
      .where(eq(hostSettings.id, 1));
  }
});
