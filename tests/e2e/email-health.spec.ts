import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { outbox, smtpServerCertificate } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { signedInHostAdmin, uniqueEmail } from '../support/e2e-users';
import { startInstanceWithSmtp } from '../support/instance-with-smtp';
import { inviteHostViewer } from '../support/invite-host-viewer';

// Email at a glance: the dashboard's SMTP card counts the last day's emails and names the last
// failure; while email has been failing for 15 minutes every host admin's page says so, until
// it recovers. Its own instance: it switches SMTP on and fills the outbox; the last test starts
// one more, with a real SMTP server to break and mend.
const test = testOnOwnInstance('email_health');

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
/** The banner (Next's route announcer is an alert too, an empty one). */
const emailBanner = (page: Page) => page.getByRole('alert').filter({ hasText: /^Email is/ });

test('a host admin sees how email fares, and a banner on every page while it is failing', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  const { db } = database;
  await db.delete(outbox);
  await setUnreachableSmtp(db, true);
  const waiting = uniqueEmail('waiting');
  const [stuck] = await db
    .insert(outbox)
    .values([
      { recipient: uniqueEmail('sent'), kind: 'invitation', language: 'en', status: 'sent' },
      {
        recipient: waiting,
        kind: 'password-reset',
        language: 'en',
        status: 'queued',
        // Not due for a while: the instance's own sender leaves it waiting.
        nextAttemptAt: new Date(Date.now() + 3_600_000),
        createdAt: minutesAgo(20),
        updatedAt: minutesAgo(3),
        attempts: 4,
        lastError: {
          step: 'connect',
          advice: 'connectionRefused',
          values: { host: 'smtp.invalid', port: 587 },
        },
      },
    ])
    .returning({ id: outbox.id })
    .then((rows) => rows.slice(1));

  await page.goto('/dashboard');
  const banner = emailBanner(page);
  await expect(banner).toContainText('an email has been waiting for 20 minutes');
  const health = page.getByRole('region', { name: 'Last 24 hours' });
  await expect(health.getByRole('definition')).toHaveText(['1', '0', '0', '1']);
  await expect(health).toContainText('The oldest waiting email was queued 20 minutes ago.');
  await expect(health).toContainText(`Last failure 3 minutes ago, to ${waiting}:`);
  await expect(health).toContainText('Nothing accepts connections on smtp.invalid:587.');
  await expectNoSeriousA11yViolations(page);

  // Every console page of a host admin, not only the dashboard.
  await page.goto('/accounts');
  await expect(banner).toBeVisible();
  await banner.getByRole('link', { name: 'Open Email delivery' }).click();
  await expect(page).toHaveURL(/\/settings\/delivery$/);

  // It went out: the banner is gone.
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date() })
    .where(eq(outbox.id, stuck!.id));
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(emailBanner(page)).toHaveCount(0);
});

test('a certificate that expires within 14 days is announced on every page of a host admin', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  const { db } = database;
  await db.delete(outbox);
  await setUnreachableSmtp(db, true);
  // As the outbox's last connection to the saved server (smtp.invalid:587) saw it.
  const seen = {
    host: 'smtp.invalid',
    port: 587,
    subject: 'CN=smtp.invalid',
    fingerprint256: 'AB',
  };
  await db.insert(smtpServerCertificate).values({
    ...seen,
    validTo: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
  });
  const notice = page.getByRole('status').filter({ hasText: 'The certificate of the SMTP server' });
  try {
    await page.goto('/accounts');
    await expect(notice).toContainText(
      'The certificate of the SMTP server smtp.invalid expires in 5 days',
    );
    await expectNoSeriousA11yViolations(page);
    await notice.getByRole('link', { name: 'Open SMTP configuration' }).click();
    await expect(page).toHaveURL(/\/settings\/smtp$/);

    await db.update(smtpServerCertificate).set({ validTo: new Date(Date.now() - 86_400_000) });
    await page.goto('/dashboard');
    await expect(notice).toContainText('expired on');

    // Valid for longer (renewed): no notice.
    await db.update(smtpServerCertificate).set({ validTo: new Date(Date.now() + 60 * 86_400_000) });
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    await db.delete(smtpServerCertificate);
  }
});

test('the banner is for host admins, and only while SMTP is on', async ({
  page,
  database,
  makeUser,
  signIn,
}) => {
  const { db } = database;
  await db.delete(outbox);
  await setUnreachableSmtp(db, true);
  await db.insert(outbox).values({
    recipient: uniqueEmail('stuck'),
    kind: 'invitation',
    language: 'en',
    status: 'queued',
    nextAttemptAt: new Date(Date.now() + 3_600_000),
    createdAt: minutesAgo(60),
  });
  // A host standard user cannot fix SMTP: no banner for them.
  await signIn(await makeUser({ hostRole: 'standard' }));
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(emailBanner(page)).toHaveCount(0);

  // With SMTP off nothing is meant to go out: no banner for an admin either.
  await setUnreachableSmtp(db, false);
  await signIn(await makeUser({ hostRole: 'admin' }));
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(emailBanner(page)).toHaveCount(0);
});

test('a real outage: the server refuses the password, the banner comes, and goes once email flows', async ({
  page,
}) => {
  // Seconds instead of 15 minutes (EMAIL_ALERT_AFTER_SECONDS), so the test need not wait.
  const instance = await startInstanceWithSmtp('email_outage', {
    env: { EMAIL_ALERT_AFTER_SECONDS: '2' },
  });
  try {
    await signedInHostAdmin(instance, page);
    const invite = (email: string) => inviteHostViewer(page, instance.url, email);

    instance.smtp.setFault('wrong-credentials');
    const refused = uniqueEmail('refused');
    await invite(refused);
    await expect
      .poll(
        async () =>
          (
            await instance.database.db
              .select({ status: outbox.status })
              .from(outbox)
              .where(eq(outbox.recipient, refused))
          )[0]?.status,
      )
      .toBe('failed');

    // Past the (shortened) alert time, every page of the host admin says so.
    await expect(async () => {
      await page.goto(`${instance.url}/dashboard`);
      await expect(emailBanner(page)).toContainText('Email is failing', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    const health = page.getByRole('region', { name: 'Last 24 hours' });
    await expect(health).toContainText(`to ${refused}:`);
    await expect(health).toContainText('The server refused the username or password.');

    // The password works again: the next email goes out, and the banner is gone.
    instance.smtp.setFault(null);
    const accepted = uniqueEmail('accepted');
    await invite(accepted);
    await instance.mailTo(accepted);
    await expect(async () => {
      await page.goto(`${instance.url}/dashboard`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(emailBanner(page)).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  } finally {
    await instance.stop();
  }
});
