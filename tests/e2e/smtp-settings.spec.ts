import type { Page } from '@playwright/test';
import { smtpSettings } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// The SMTP page against the in-process SMTP server: the app (a separate process) trusts the
// harness's CA because the admin pastes it under Advanced, as a real admin would. On an app
// server of its own: these tests save configurations and turn email on for the whole instance.
const test = testOnOwnInstance('smtp_settings');

const smtpUser = { user: 'mailer@nordlicht.test', pass: 'app-password-3f9a1c' };

let servers: TestSmtpServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function smtpServer(mode: 'tls' | 'starttls') {
  const server = await startTestSmtpServer({ mode, auth: smtpUser });
  servers.push(server);
  return server;
}

async function fillForm(page: Page, server: TestSmtpServer, labels: Record<string, string>) {
  await page.getByLabel(labels.host!, { exact: true }).fill(server.host);
  await page.getByLabel(labels.port!, { exact: true }).fill(String(server.port));
  await page.getByLabel(labels.senderName!).fill('Nordlicht Media');
  await page.getByLabel(labels.senderEmail!).fill('noreply@nordlicht.test');
  await page.getByLabel(labels.username!).fill(smtpUser.user);
  await page.getByLabel(labels.password!, { exact: true }).fill(smtpUser.pass);
  await page.getByText(labels.advanced!).click();
  await page.getByLabel(labels.caPem!).fill(server.caPem);
}

const english = {
  host: 'Host',
  port: 'Port',
  senderName: 'Sender display name',
  senderEmail: 'Sender email',
  ssl: 'Enable SSL',
  starttls: 'Enable StartTLS',
  username: 'Username',
  password: 'Password',
  advanced: 'Advanced: trust a custom CA certificate',
  caPem: 'CA certificate (PEM)',
  send: 'Send test email',
  save: 'Save',
  switch: 'Send email through SMTP',
  delivered: 'Delivered to the server',
  unsaved: 'Save or undo your changes first',
};

const german = {
  host: 'Host',
  port: 'Port',
  senderName: 'Absender-Anzeigename',
  senderEmail: 'Absender-E-Mail',
  ssl: 'SSL aktivieren',
  starttls: 'StartTLS aktivieren',
  username: 'Benutzername',
  password: 'Passwort',
  advanced: 'Erweitert: einem eigenen CA-Zertifikat vertrauen',
  caPem: 'CA-Zertifikat (PEM)',
  send: 'Test-E-Mail senden',
  save: 'Speichern',
  switch: 'E-Mails über SMTP senden',
  delivered: 'An den Server zugestellt',
  unsaved: 'Speichern oder verwerfen Sie zuerst Ihre Änderungen',
};

for (const [mode, labels, language] of [
  ['tls', english, 'en'],
  ['starttls', english, 'en'],
  ['tls', german, 'de'],
] as const) {
  test(`configure, test, save and switch on (${mode}, ${language})`, async ({
    page,
    makeUser,
    signIn,
    database,
  }) => {
    const admin = await makeUser({ hostRole: 'admin', language });
    await signIn(admin);
    await page
      .context()
      .addCookies([
        { name: 'gatehouse-locale', value: language, url: process.env.GATEHOUSE_E2E_BASE_URL! },
      ]);
    await database.db.delete(smtpSettings);
    const server = await smtpServer(mode);
    const bodies: string[] = [];
    page.on('response', async (response) => {
      bodies.push(await response.text().catch(() => ''));
    });

    await page.goto('/settings/smtp');
    const smtpSwitch = page.getByRole('switch', { name: labels.switch });
    await expect(smtpSwitch).toBeDisabled();
    await fillForm(page, server, labels);
    await page.getByLabel(mode === 'tls' ? labels.ssl : labels.starttls).check();
    await expect(page.getByLabel(mode === 'tls' ? labels.starttls : labels.ssl)).not.toBeChecked();

    await page.getByRole('button', { name: labels.send }).click();
    await expect(page.getByText(labels.delivered)).toBeVisible({ timeout: 25_000 });
    const received = await server.waitForMessage();
    expect(received.parsed.from?.value).toEqual([
      { name: 'Nordlicht Media', address: 'noreply@nordlicht.test' },
    ]);
    expect(received.envelope.rcptTo).toEqual([admin.email]);
    expect(received.secure).toBe(true);

    // Still unsaved: the switch says why it cannot be turned on.
    await expect(smtpSwitch).toBeDisabled();
    await page.getByRole('button', { name: labels.save, exact: true }).click();
    await expect(smtpSwitch).toBeEnabled();
    await smtpSwitch.click();
    await expect(smtpSwitch).toHaveAttribute('aria-checked', 'true');

    // An edit makes the switch unavailable for turning on, with the reason — but it stays on.
    await page.getByLabel(labels.senderName).fill('Nordlicht Media GmbH');
    await expect(smtpSwitch).toHaveAttribute('aria-checked', 'true');

    await page.goto('/dashboard');
    const dashboardSwitch = page.getByRole('switch', { name: labels.switch });
    await expect(dashboardSwitch).toHaveAttribute('aria-checked', 'true');
    await dashboardSwitch.click();
    await expect(dashboardSwitch).toHaveAttribute('aria-checked', 'false');
    await page.goto('/settings/smtp');
    await expect(page.getByRole('switch', { name: labels.switch })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    await page.getByLabel(labels.senderName).fill('Something else');
    await expect(page.getByText(labels.unsaved)).toBeVisible();
    await expect(page.getByRole('switch', { name: labels.switch })).toBeDisabled();

    // The stored password never came back to the browser; the database holds it encrypted.
    expect(bodies.filter((body) => body.includes(smtpUser.pass))).toEqual([]);
    const [row] = await database.db.select().from(smtpSettings);
    expect(row!.passwordEncrypted).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(smtpUser.pass);
  });
}

test('"Show details" of an SSL test shows TLS, the certificate and a redacted conversation', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  const server = await smtpServer('tls');
  await page.goto('/settings/smtp');
  await fillForm(page, server, english);
  await page.getByLabel('Enable SSL').check();
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });
  await page.getByText('Show details').click();
  const details = page.getByRole('region', { name: 'Result of the last test' });
  await expect(details).toContainText(/TLS version\s*TLSv1\.[23]/);
  await expect(details).toContainText('Issued by');
  await expect(details).toContainText('Gatehouse Test CA');
  await expect(details).toContainText('Valid until');
  await expect(details).toContainText('AUTH PLAIN [redacted]');
  await expect(details).not.toContainText(smtpUser.pass);
  await expectNoSeriousA11yViolations(page);
});

test('bad input gets field errors and nothing is saved', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  await page.goto('/settings/smtp');
  await page.getByLabel('Host', { exact: true }).fill('smtp://mail example.com');
  await page.getByLabel('Port', { exact: true }).fill('70000');
  await page.getByLabel('Sender display name').fill('Nordlicht');
  await page.getByLabel('Sender email').fill('not-an-address');
  await page.getByLabel('Username').fill('x');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a host name like smtp.example.com')).toBeVisible();
  await expect(page.getByText('Enter a port from 1 to 65535')).toBeVisible();
  await expect(page.getByText('Enter an email address like name@example.com')).toBeVisible();
  await expect(page.getByLabel('Host', { exact: true })).toHaveValue('smtp://mail example.com');
  expect(await database.db.select().from(smtpSettings)).toEqual([]);
});

test('a failing test names the step and what to change', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  const server = await smtpServer('tls');
  await page.goto('/settings/smtp');
  await fillForm(page, server, english);
  // SSL off against an implicit-TLS port: the server never greets a plain client.
  await page.getByLabel('Enable StartTLS').uncheck();
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('The test failed at: Server greeting')).toBeVisible({
    timeout: 25_000,
  });
  await expect(page.getByText('this port probably expects SSL from the first byte')).toBeVisible();
});

test('the stored password is reused only for the saved server; another port asks for it again', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  const saved = await smtpServer('tls');
  await page.goto('/settings/smtp');
  await fillForm(page, saved, english);
  await page.getByLabel('Enable SSL').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The SMTP configuration is saved.')).toBeVisible();

  await page.reload();
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveValue('');
  await expect(page.getByText(/reused for this server/)).toBeVisible();
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });
  expect(saved.logins).toEqual([smtpUser]);

  // Another server, same host and TLS: only the port differs.
  const other = await smtpServer('tls');
  await page.getByLabel('Port', { exact: true }).fill(String(other.port));
  await expect(page.getByText(/reused for this server/)).toHaveCount(0);
  const again =
    "You changed the server's port — type the password again so it is only sent where you mean.";
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText(again)).toBeVisible({ timeout: 25_000 });
  await expect(password).toHaveAccessibleDescription(new RegExp(again));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(again)).toBeVisible();
  expect(other.logins).toEqual([]);
  expect(other.messages).toEqual([]);
  const [row] = await database.db.select().from(smtpSettings);
  expect(row!.port).toBe(saved.port);
});

test('other roles see neither the page nor the switch, and direct action calls are refused', async ({
  page,
  browser,
  baseURL,
  makeUser,
  signIn,
  database,
}) => {
  // Capture the switch action's id from a host admin's own use of it.
  const admin = await makeUser({ hostRole: 'admin' });
  await signIn(admin);
  await database.db.delete(smtpSettings);
  await page.goto('/settings/smtp');
  const saveRequest = page.waitForRequest(
    (request) => request.method() === 'POST' && !!request.headers()['next-action'],
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const captured = await saveRequest;
  const actionId = captured.headers()['next-action']!;

  for (const role of ['standard', 'view'] as const) {
    const context = await browser.newContext({ baseURL });
    const { signInAs } = await import('../support/e2e-users');
    await signInAs(database, context, baseURL!, await makeUser({ hostRole: role }));
    const other = await context.newPage();
    expect((await other.goto('/settings/smtp'))?.status()).toBe(403);
    await other.goto('/dashboard');
    await expect(other.getByRole('switch')).toHaveCount(0);

    const response = await context.request.post('/settings/smtp', {
      headers: { 'next-action': actionId, 'content-type': captured.headers()['content-type']! },
      data: captured.postDataBuffer()!,
    });
    expect(await response.text()).toContain('You are not allowed to do this');
    await context.close();
  }
  expect(await database.db.select().from(smtpSettings)).toEqual([]);
});
