import { auditEvents, smtpSettings } from '@/db/schema';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect } from '../support/e2e-fixtures';
import { testOnOwnInstance } from '../support/own-instance-fixtures';

// Host settings → Audit log: what a host admin did in the console appears there, with who,
// the role, from where and what changed; a secret only as "changed". Its own instance: it saves
// an SMTP configuration and renames the host.
const test = testOnOwnInstance('audit_log');

const smtpPassword = 'audit-app-password-7c1e';

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
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(rows).toHaveCount(4);

  await page.getByRole('searchbox', { name: 'Search events by email or name' }).fill('nobody');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No event matches')).toBeVisible();
});
