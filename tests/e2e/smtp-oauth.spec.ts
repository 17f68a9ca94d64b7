import type { Page } from '@playwright/test';
import { smtpOauthTokens, smtpSettings } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { startTestTokenServer, type TestTokenServer } from '../support/oauth-token-server';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// Sign in with OAuth2 on the SMTP page, against a real token server and an SMTP server that
// checks the token, both in this process: the app reaches them on loopback, as it would reach
// Microsoft or Google, the authority set under Advanced as for a national cloud.
const test = testOnOwnInstance('smtp_oauth');

const mailbox = 'noreply@nordlicht.test';
let tokens: TestTokenServer;
let smtp: TestSmtpServer;
test.beforeEach(async () => {
  tokens = await startTestTokenServer();
  tokens.delegatedMailboxes.add(mailbox);
  smtp = await startTestSmtpServer({
    mode: 'starttls',
    oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal: 'microsoft' },
  });
});
test.afterEach(async () => {
  await Promise.all([tokens.close(), smtp.close()]);
});

async function fillMicrosoft(page: Page, secret: string) {
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Microsoft 365' });
  await expect(page.getByText(/Sign in with OAuth2 is chosen/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'An OAuth2 token' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Microsoft 365 (app-only)' })).toBeChecked();
  await page.getByLabel('Host', { exact: true }).fill(smtp.host);
  await page.getByLabel('Port', { exact: true }).fill(String(smtp.port));
  await page.getByLabel('Sender display name').fill('Nordlicht Media');
  await page.getByLabel('Sender email').fill(mailbox);
  await page.getByLabel('Mailbox', { exact: true }).fill(mailbox);
  await page.getByLabel('Directory (tenant) ID').fill(tokens.microsoft.tenant);
  await page.getByLabel('Application (client) ID').fill(tokens.microsoft.clientId);
  await page.getByLabel('Client secret').fill(secret);
  await page.getByText('Advanced: national cloud').click();
  await page.getByLabel('Sign-in authority').fill(tokens.url);
  await page.getByText('Advanced: trust a custom CA certificate').click();
  await page.getByLabel('CA certificate (PEM)').fill(smtp.caPem);
}

test('a Microsoft 365 admin configures OAuth2, tests, saves and switches email on', async ({
  page,
  hostAdmin: _admin,
  database,
  ownInstance,
}) => {
  await database.db.delete(smtpSettings);
  const bodies: string[] = [];
  page.on('response', async (response) => bodies.push(await response.text().catch(() => '')));
  await page.goto('/settings/smtp');
  await fillMicrosoft(page, tokens.microsoft.clientSecret);
  // The checklist names the commands with what was typed, ready to copy.
  await expect(
    page.getByText(`New-ServicePrincipal -AppId ${tokens.microsoft.clientId} -ObjectId OBJECT_ID`),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });
  await smtp.waitForMessage();
  expect(smtp.oauthLogins).toEqual([{ user: mailbox, token: expect.any(String), accepted: true }]);
  await page.getByText('Show details').click();
  const result = page.getByRole('region', { name: 'Result of the last test' });
  await expect(result).toContainText('Token request');
  await expect(result).toContainText(`${tokens.url}/${tokens.microsoft.tenant}/oauth2/v2.0/token`);
  await expect(result).toContainText('HTTP 200');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The SMTP configuration is saved.')).toBeVisible();
  const smtpSwitch = page.getByRole('switch', { name: 'Send email through SMTP' });
  await smtpSwitch.click();
  await expect(smtpSwitch).toHaveAttribute('aria-checked', 'true');

  // An invitation now goes out through the outbox, signed in with the token as well.
  const invitee = `invitee-${Date.now()}@example.test`;
  await page.goto('/users');
  await page.getByRole('button', { name: 'Invite a new user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a new user' });
  await dialog.getByLabel('Email').fill(invitee);
  await dialog.getByLabel('Host role', { exact: true }).selectOption('standard');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const invitation = await smtp.waitForMessage(
    (message) => message.envelope.rcptTo.includes(invitee),
    20_000,
  );
  expect(invitation.parsed.subject).toMatch(/^You are invited to /);
  expect(smtp.oauthLogins.every((login) => login.accepted)).toBe(true);
  expect(smtp.oauthLogins.length).toBeGreaterThanOrEqual(2);
  await page.goto('/settings/smtp');

  // Back later: the secret stays on the server, and a test with the blank field reuses it.
  await page.reload();
  await expect(page.getByLabel('Client secret')).toHaveValue('');
  await expect(page.getByText(/A secret is stored and reused/)).toBeVisible();
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });

  // Pointing the stored secret at another token endpoint asks for it again.
  await page.getByLabel('Sign-in authority').fill('http://127.0.0.1:9/');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText('You changed the sign-in authority — enter the secret again'),
  ).toBeVisible();

  const issued = smtp.oauthLogins.map((login) => login.token);
  const leaked = bodies.filter(
    (body) =>
      body.includes(tokens.microsoft.clientSecret) || issued.some((token) => body.includes(token)),
  );
  expect(leaked).toEqual([]);
  const log = ownInstance.output();
  expect(log).not.toContain(tokens.microsoft.clientSecret);
  for (const token of issued) expect(log).not.toContain(token);
  const [row] = await database.db.select().from(smtpSettings);
  expect(row).toMatchObject({ signIn: 'oauth2', oauthProvider: 'microsoft', enabled: true });
  expect(JSON.stringify(row)).not.toContain(tokens.microsoft.clientSecret);
  expect(JSON.stringify(await database.db.select().from(smtpOauthTokens))).not.toContain(
    issued[0]!,
  );
});

test('a wrong client secret is named at the token step, before any SMTP connection', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  await page.goto('/settings/smtp');
  await fillMicrosoft(page, 'the-secret-id-not-its-value');
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText('The test failed at: Token request')).toBeVisible({
    timeout: 25_000,
  });
  await expect(page.getByText(/Paste the secret's Value, not its Secret ID/)).toBeVisible();
  await expect(page.getByText('Code: AADSTS7000215')).toBeVisible();
  expect(smtp.oauthLogins).toEqual([]);
});

test('password sign-in refused by Microsoft 365 offers to switch the form to OAuth2', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  const legacy = await startTestSmtpServer({
    mode: 'starttls',
    auth: { user: mailbox, pass: 'old-password' },
    fault: 'basic-auth-disabled',
  });
  try {
    await page.goto('/settings/smtp');
    await page.getByLabel('Host', { exact: true }).fill(legacy.host);
    await page.getByLabel('Port', { exact: true }).fill(String(legacy.port));
    await page.getByLabel('Sender display name').fill('Nordlicht Media');
    await page.getByLabel('Sender email').fill(mailbox);
    await page.getByLabel('Username').fill(mailbox);
    await page.getByLabel('Password', { exact: true }).fill('old-password');
    await page.getByText('Advanced: trust a custom CA certificate').click();
    await page.getByLabel('CA certificate (PEM)').fill(legacy.caPem);
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText(/no longer accepts a password for SMTP here/)).toBeVisible({
      timeout: 25_000,
    });
    await page.getByRole('button', { name: 'Sign in with OAuth2 instead' }).click();
    await expect(page.getByRole('radio', { name: 'An OAuth2 token' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'An OAuth2 token' })).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Microsoft 365 (app-only)' })).toBeChecked();
    await expect(page.getByLabel('Directory (tenant) ID')).toBeVisible();
  } finally {
    await legacy.close();
  }
});

test('Google Workspace: a pasted service account key sends as the mailbox', async ({
  page,
  hostAdmin: _admin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  const gmail = await startTestSmtpServer({
    mode: 'starttls',
    oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal: 'google' },
  });
  try {
    await page.goto('/settings/smtp');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Google Workspace' });
    await expect(
      page.getByRole('radio', { name: 'Google Workspace (service account)' }),
    ).toBeChecked();
    await page.getByLabel('Host', { exact: true }).fill(gmail.host);
    await page.getByLabel('Port', { exact: true }).fill(String(gmail.port));
    await page.getByLabel('Sender display name').fill('Nordlicht Media');
    await page.getByLabel('Sender email').fill(mailbox);
    await page.getByLabel('Mailbox', { exact: true }).fill(mailbox);
    await page.getByLabel('Service account key (JSON)').fill('{"type":"authorized_user"}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('This is not a service account key.')).toBeVisible();
    // Chosen as a file rather than pasted: read into the same field, never uploaded as a file.
    await page.getByLabel('Choose key file…').setInputFiles({
      name: 'test-project-3f9a1c.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tokens.serviceAccount.keyJson(tokens.googleTokenUri)),
    });
    await expect(page.getByLabel('Service account key (JSON)')).toHaveValue(/"service_account"/);
    await expectNoSeriousA11yViolations(page);
    await page.getByText('Advanced: trust a custom CA certificate').click();
    await page.getByLabel('CA certificate (PEM)').fill(gmail.caPem);
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText('Delivered to the server')).toBeVisible({ timeout: 25_000 });
    expect(tokens.fetches).toMatchObject([{ kind: 'google', ok: true, subject: mailbox }]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The SMTP configuration is saved.')).toBeVisible();
    await page.reload();
    await expect(
      page.getByText(`A key is stored for ${tokens.serviceAccount.clientEmail}`),
    ).toBeVisible();
  } finally {
    await gmail.close();
  }
});
