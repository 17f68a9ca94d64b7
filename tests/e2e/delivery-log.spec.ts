import { encryptSecret } from '@/lib/crypto/secret-box';
import { eq, like } from 'drizzle-orm';
import { outbox, sessions, throttle } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';
import { createUser, e2eAppSecret, signInAs } from '../support/e2e-users';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';

// Its own app instance: the SMTP configuration and the outbox belong to the whole instance.
const cronSecret = 'cron-secret-for-the-delivery-log-test';
let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('delivery_log', {
    env: { CRON_SECRET: cronSecret },
    fault: 'recipient-refused',
  });
});

test.afterAll(async () => {
  await instance?.stop();
});

test('a failed email shows its reason, and Resend delivers it once the fault is cleared', async ({
  page,
}) => {
  const content = {
    subject: 'Your invitation',
    text: 'https://gatehouse.test/invite/abc',
    html: '<p>Hi</p>',
  };
  await instance.database.db.insert(outbox).values({
    recipient: 'ada@elsewhere.test',
    kind: 'invitation',
    language: 'en',
    payloadEncrypted: encryptSecret(JSON.stringify(content), {
      secret: e2eAppSecret,
      purpose: 'outbox-payload',
    }),
  });

  // The platform scheduler's call: unauthorized without the secret, a drain with it.
  expect((await page.request.get(`${instance.url}/api/cron/outbox`)).status()).toBe(401);
  const drained = await page.request.get(`${instance.url}/api/cron/outbox`, {
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  expect(await drained.json()).toMatchObject({ failed: 1, sent: 0 });

  const admin = await createUser(instance.database, { hostRole: 'admin' });
  await signInAs(instance.database, page.context(), instance.url, admin);
  await page.goto(`${instance.url}/settings/delivery?status=failed`);
  const row = page.getByRole('row').filter({ hasText: 'ada@elsewhere.test' });
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('Invitation');
  await expect(row).toContainText('The server will not relay to ada@elsewhere.test');
  await expectNoSeriousA11yViolations(page);

  instance.smtp.setFault(null);
  await row.getByRole('button', { name: 'Resend the email to ada@elsewhere.test' }).click();
  // Queued again: it leaves the Failed filter.
  await expect(row).toHaveCount(0);
  await expect.poll(() => instance.smtp.messages.length, { timeout: 10_000 }).toBe(1);
  expect(instance.smtp.messages[0]!.parsed.subject).toBe('Your invitation');

  await page.goto(`${instance.url}/settings/delivery`);
  await expect(page.getByRole('row').filter({ hasText: 'ada@elsewhere.test' })).toContainText(
    'Sent',
  );
  const [stored] = await instance.database.db.select().from(outbox);
  expect(stored).toMatchObject({ status: 'sent', payloadEncrypted: null });
});

test("the scheduler's call also sweeps sessions and throttle counts that are over", async ({
  request,
}) => {
  const { db } = instance.database;
  const user = await createUser(instance.database, { hostRole: 'view' });
  const hour = 3_600_000;
  await db.insert(sessions).values([
    { tokenHash: `over-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    { tokenHash: `live-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + hour) },
  ]);
  await db.insert(throttle).values([
    { key: `over-${user.id}`, attempts: 3, windowStartedAt: new Date(Date.now() - 2 * hour) },
    { key: `live-${user.id}`, attempts: 3 },
  ]);

  const swept = await request.get(`${instance.url}/api/cron/outbox`, {
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  expect(swept.status()).toBe(200);
  const tokens = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(eq(sessions.userId, user.id));
  expect(tokens).toEqual([{ tokenHash: `live-${user.id}` }]);
  const keys = await db
    .select({ key: throttle.key })
    .from(throttle)
    .where(like(throttle.key, `%-${user.id}`));
  expect(keys).toEqual([{ key: `live-${user.id}` }]);
});
