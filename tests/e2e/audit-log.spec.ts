import { readFileSync } from 'node:fs';
import { auditEvents, smtpSettings } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { insertAccount } from '../support/e2e-accounts';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';

// Host settings → Audit log: what a host admin did in the console appears there, with who,
// the role, from where and what changed; a secret only as "changed". Its own instance: it saves
// an SMTP configuration and renames the host.
const test = testOnOwnInstance('audit_log');

const smtpPassword = 'audit-app-password-7c1e';

/** A CSV's lines (no field here holds a line break). */
const csvLines = (text: string) => text.split('\r\n').filter((line) => line !== '');

test('a host admin finds their changes in the audit log, filters them and opens the details', async ({
  page,
  hostAdmin,
  database,
}) => {
  await database.db.delete(smtpSettings);
  await database.db.delete(auditEvents);

  await page.goto('/settings/smtp');
  await page.getByLabel('Host', { exact: true }).fill('smtp.audit.test');
  await page.getByLabel('Port', { exact: true }).fill('2525');
  await page.getByLabel('Sender display name').fill('Audit');
  await page.getByLabel('Sender email').fill('noreply@audit.test');
  await page.getByLabel('Username').fill('mailer');
  await page.getByLabel('Password', { exact: true }).fill(smtpPassword);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const smtpSwitch = page.getByRole('switch', { name: 'Send email through SMTP' });
  await expect(smtpSwitch).toBeEnabled();
  await smtpSwitch.click();
  await expect(smtpSwitch).toHaveAttribute('aria-checked', 'true');

  await page.goto('/dashboard');
  const dashboardSwitch = page.getByRole('switch', { name: 'Send email through SMTP' });
  await dashboardSwitch.click();
  await expect(dashboardSwitch).toHaveAttribute('aria-checked', 'false');

  await page.goto('/settings/general');
  await page.getByRole('button', { name: 'Edit host name' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit host name' });
  await dialog.getByLabel('Host name').fill('Audited Host');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // Newest first.
  await expect(rows.nth(0)).toContainText('Host renamed');
  await expect(rows.nth(0)).toContainText('From “Gatehouse” to “Audited Host”');
  await expect(rows.nth(0)).toContainText(hostAdmin.email);
  await expect(rows.nth(0)).toContainText('Host admin');
  await expect(rows.nth(1)).toContainText('Turned off on the dashboard');
  await expect(rows.nth(2)).toContainText('Turned on on the SMTP page');
  await expect(rows.nth(3)).toContainText('SMTP configuration saved');
  await expect(page.getByText('4 events')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The save's details: each field, the password only as changed.
  const saved = rows.nth(3);
  await saved.getByText('Details').click();
  await expect(saved).toContainText('Server');
  await expect(saved).toContainText('(empty) → smtp.audit.test');
  await expect(saved).toContainText('Password');
  await expect(saved).toContainText('changed (not shown)');
  await expect(saved).toContainText('Browser');
  expect(await page.content()).not.toContain(smtpPassword);

  // Filters live in the address: reload keeps them; Clear brings everything back.
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Host renamed' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/type=host\.renamed/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('host.renamed');

  // Export takes the filters along: the one event, as a CSV file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export these events as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const filtered = csvLines(readFileSync((await download.path())!, 'utf8'));
  expect(filtered).toHaveLength(2);
  expect(filtered[0]).toMatch(/^\uFEFFTime \(UTC\),Type,Event,Summary,/);
  expect(filtered[1]).toContain(',host.renamed,Host renamed,From “Gatehouse” to “Audited Host”,');
  expect(filtered[1]).toContain(hostAdmin.email);

  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(rows).toHaveCount(4);
  const everything = await page.request.get('/settings/audit/export');
  expect(everything.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const all = csvLines(await everything.text());
  expect(all).toHaveLength(5);
  expect(all[4]).toContain('smtp.saved');
  expect(all.join('\n')).not.toContain(smtpPassword);

  await page.getByRole('searchbox', { name: 'Search events by email or name' }).fill('nobody');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No event matches')).toBeVisible();
});

test("an account admin sees their account's Activity, and no other account's", async ({
  page,
  database,
  makeAccountMember,
  signIn,
}) => {
  const own = await insertAccount(database, { managed: false });
  const other = await insertAccount(database, { managed: false });
  const admin = await makeAccountMember(own, 'admin');
  await makeAccountMember(other, 'admin');
  await signIn(admin);

  // A change of their own, made in the browser, and one in the other account.
  await page.goto(`/accounts/${own.id}`);
  const delegation = page.getByRole('region', { name: 'Delegated user management' });
  await delegation.getByLabel('Let host admins manage this account’s users').check();
  await delegation.getByRole('button', { name: 'Save' }).click();
  await expect(delegation.getByRole('status')).toContainText('Saved');
  await database.db.insert(auditEvents).values({
    eventType: 'account.renamed',
    actorKind: 'system',
    targetKind: 'account',
    targetId: other.id,
    targetLabel: other.name,
    accountId: other.id,
    details: { from: 'Secret old name', to: other.name },
  });

  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${own.id}/activity$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Activity' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Host admins may now manage its users');
  await expect(rows.first()).toContainText(admin.email);
  await expect(rows.first()).toContainText('Account admin');
  await expect(page.getByRole('main')).not.toContainText('Secret old name');
  await expectNoSeriousA11yViolations(page);

  // The other account's Activity, and the host's log, stay closed to them.
  const response = await page.goto(`/accounts/${other.id}/activity`);
  expect(response?.status()).toBe(403);
  expect((await page.goto('/settings/audit'))?.status()).toBe(403);

  // Their export holds their account's event only; the others' exports are refused.
  const exported = await page.request.get(`/accounts/${own.id}/activity/export`);
  expect(exported.status()).toBe(200);
  const lines = csvLines(await exported.text());
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('account.delegationChanged');
  expect(lines.join('\n')).not.toContain('Secret old name');
  expect((await page.request.get(`/accounts/${other.id}/activity/export`)).status()).toBe(403);
  expect((await page.request.get('/settings/audit/export')).status()).toBe(403);
});

test('a host admin sets how long the audit log keeps events; the change is itself an event', async ({
  page,
  hostAdmin: _admin,
}) => {
  await page.goto('/settings/audit');
  await page.getByRole('link', { name: 'Change how long' }).click();
  await expect(page).toHaveURL(/\/settings\/general$/);
  await page.getByRole('button', { name: 'Edit audit log retention' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit audit log retention' });
  const days = dialog.getByLabel('Days');
  await days.fill('29');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(days).toHaveAccessibleDescription(/Enter a whole number of days from 30 to 2,557/);
  await days.fill('90');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main')).toContainText('90 days');

  await page.goto('/settings/audit');
  await expect(page.getByText('Events are kept for 90 days, then deleted.')).toBeVisible();
  const newest = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr').first();
  await expect(newest).toContainText('Audit log retention changed');
  await expect(newest).toContainText('From 365 to 90 days');
});
