import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { signedInHostAdmin, uniqueEmail } from '../support/e2e-users';
import { startOwnInstance } from '../support/own-instance';
import { startTestSmtpServer } from '../support/smtp-server';
import { inviteHostViewer } from '../support/invite-host-viewer';

// A deployment that configures SMTP with nothing but environment variables and secret files:
// the page shows each field locked with the variable that sets it, the test email and the
// invitations go out through that server, and nothing on the page can change it.

const smtpUser = { user: 'mailer@nordlicht.test', pass: 'env-app-password-31f9' };

test('SMTP set by the environment: locked on the page, tested and used for real', async ({
  page,
}) => {
  const smtp = await startTestSmtpServer({ mode: 'starttls', auth: smtpUser });
  const secrets = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-smtp-env-'));
  const secretFile = (name: string, contents: string) => {
    const file = path.join(secrets, name);
    writeFileSync(file, contents);
    return file;
  };
  const instance = await startOwnInstance('smtp_environment', {
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'starttls',
    SMTP_SENDER_NAME: 'Nordlicht from env',
    SMTP_SENDER_EMAIL: 'noreply@nordlicht.test',
    SMTP_USERNAME: smtpUser.user,
    SMTP_PASSWORD_FILE: secretFile('smtp-password', `${smtpUser.pass}\n`),
    SMTP_CA_PEM_FILE: secretFile('smtp-ca.pem', smtp.caPem),
  });
  try {
    const admin = await signedInHostAdmin(instance, page);
    const bodies: string[] = [];
    page.on('response', async (response) => {
      bodies.push(await response.text().catch(() => ''));
    });
    await page.goto(`${instance.url}/settings/smtp`);
    const fields = page.getByRole('definition');
    await expect(
      page.getByRole('heading', { name: "Set by the server's environment" }),
    ).toBeVisible();
    await expect(fields.filter({ hasText: 'Set by SMTP_HOST' })).toContainText(smtp.host);
    await expect(fields.filter({ hasText: 'Set by SMTP_PORT' })).toContainText(String(smtp.port));
    await expect(fields.filter({ hasText: 'Set by SMTP_SECURITY' })).toContainText('StartTLS');
    await expect(fields.filter({ hasText: 'Set by SMTP_PASSWORD_FILE' })).toContainText(
      'Set (not shown)',
    );
    await expect(fields.filter({ hasText: 'Set by SMTP_CA_PEM_FILE' })).toContainText(
      'A certificate of its own',
    );
    // Nothing to edit or save; the switch is on and locked, naming the variable.
    await expect(page.getByRole('textbox', { name: 'Host' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    const smtpSwitch = page.getByRole('switch', { name: 'Send email through SMTP' });
    await expect(smtpSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(smtpSwitch).toBeDisabled();
    await expect(page.getByText("Set by SMTP_HOST in the server's environment")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await expect(page.getByText('Sends a real message with the settings above to')).toBeVisible();
    // The test email goes through the environment's server, signed in with the file's password.
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });
    const testEmail = await smtp.waitForMessage((m) => m.envelope.rcptTo.includes(admin.email));
    expect(testEmail.parsed.from?.value).toEqual([
      { name: 'Nordlicht from env', address: 'noreply@nordlicht.test' },
    ]);
    expect(smtp.logins).toContainEqual(smtpUser);

    // An invitation is emailed through it too.
    const invitee = uniqueEmail('env-invitee');
    await inviteHostViewer(page, instance.url, invitee);
    await smtp.waitForMessage((m) => m.envelope.rcptTo.includes(invitee), 15_000);

    // The dashboard's switch is locked the same way.
    await page.goto(`${instance.url}/dashboard`);
    await expect(page.getByRole('switch', { name: 'Send email through SMTP' })).toBeDisabled();

    // The password never reached the browser.
    expect(bodies.join('\n')).not.toContain(smtpUser.pass);
  } finally {
    await instance.stop();
    await smtp.close();
    rmSync(secrets, { recursive: true, force: true });
  }
});
