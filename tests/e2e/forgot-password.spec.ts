import { expectNoSeriousA11yViolations } from '../support/axe';
import { expect, test } from '../support/e2e-fixtures';

// Email cannot be set up on this instance yet: "Forgot password?" says whom to ask instead.

test('"Forgot password?" says email is not set up and to ask a host admin', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Email is not set up on this instance');
  await expect(page.getByRole('main')).toContainText('Ask a host admin for a reset link.');
  // No form that could only pretend to send something.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send reset link' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});
