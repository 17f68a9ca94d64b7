import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import { launchAppServer, waitForResponse } from '../support/app-server';
import { expect, test } from '../support/e2e-fixtures';

// The security headers, as the production build sends them and as the browser enforces them.

const consolePaths = [
  '/dashboard',
  '/accounts',
  '/users',
  '/settings',
  '/settings/smtp',
  '/settings/delivery',
];

/** Collects what the browser reports about the page: CSP violations and uncaught errors. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Checks a page's CSP and returns its nonce. */
function expectPagePolicy(policy: string | undefined): string {
  expect(policy).toBeDefined();
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'(;|$)/.exec(
    policy ?? '',
  )?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeDefined();
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  return nonce ?? '';
}

/** Checks the headers of a page the browser loaded and that Next stamped its scripts; returns the nonce. */
async function expectSecuredPage(response: Response | null, pagePath: string): Promise<string> {
  expect(response, pagePath).not.toBeNull();
  const headers = response!.headers();
  const nonce = expectPagePolicy(headers['content-security-policy']);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // The harness serves plain http, so no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();

  // Every script Next wrote into the page carries this response's nonce.
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${pagePath}`).toBeGreaterThan(0);
  for (const script of scripts) expect(script, pagePath).toContain(` nonce="${nonce}"`);
  return nonce;
}

test('every console page carries a nonce-based CSP that its own scripts satisfy', async ({
  page,
  hostAdmin,
}) => {
  const problems = watchForViolations(page);
  const nonces = new Set<string>();
  for (const pagePath of consolePaths) {
    const response = await page.goto(pagePath);
    // The page itself, not a redirect to sign-in.
    await expect(page.getByRole('banner')).toContainText(hostAdmin.email);
    nonces.add(await expectSecuredPage(response, pagePath));
  }
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  nonces.add(await expectSecuredPage(missing, '/no-such-page'));

  expect(nonces.size, 'a fresh nonce per response').toBe(consolePaths.length + 1);
  expect(problems).toEqual([]);
});

test('the sign-in page carries the same policy', async ({ page }) => {
  const problems = watchForViolations(page);
  const response = await page.goto('/sign-in');
  expect(response?.status()).toBe(200);
  await expectSecuredPage(response, '/sign-in');
  expect(problems).toEqual([]);
});

test('the console still runs its scripts under the policy', async ({ page, hostAdmin }) => {
  const problems = watchForViolations(page);
  await page.goto('/settings');
  await expect(page.getByRole('banner')).toContainText(hostAdmin.email);
  const summary = page.locator('summary').filter({ hasText: 'User menu' });
  const menu = page.locator('details').filter({ has: summary });

  // Escape closing the menu is React's doing: proof that the page hydrated. (The language
  // form below works without JavaScript too, so it alone would prove nothing.)
  await summary.click();
  await expect(menu).toHaveAttribute('open');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');

  await summary.click();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Host-Einstellungen' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('pages with a token in the URL send no referrer', async ({ request }) => {
  for (const tokenPath of ['/setup?token=x', '/invite/abc', '/reset/abc']) {
    // The response to the token URL itself, even where it redirects or the route is not built yet.
    const response = await request.get(tokenPath, { maxRedirects: 0 });
    test
      .info()
      .annotations.push({ type: 'status', description: `${tokenPath}: ${response.status()}` });
    const headers = response.headers();
    expect(headers['referrer-policy'], tokenPath).toBe('no-referrer');
    expectPagePolicy(headers['content-security-policy']);
    expect(headers['x-frame-options']).toBe('DENY');
  }
});

test('route handlers get the headers without a CSP', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toBeUndefined();
});

test('HSTS follows APP_URL, never the request', async ({ request }) => {
  // A client claiming https through proxy headers does not turn HSTS on for an http deployment.
  const forged = await request.get('/dashboard', {
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'gatehouse.example.com' },
  });
  expect(forged.headers()['strict-transport-security']).toBeUndefined();

  // The same build, configured as an https deployment (TLS would end at a reverse proxy).
  const databaseUrl = process.env.GATEHOUSE_E2E_DATABASE_URL;
  expect(databaseUrl, 'set by the global set-up').toBeDefined();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-hsts-'));
  const server = await launchAppServer({
    APP_URL: 'https://gatehouse.example.com',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    APP_SECRET: 'e2e-secret-that-is-long-enough-for-the-check-0123456789',
  });
  try {
    await waitForResponse(server);
    for (const route of ['/dashboard', '/api/health']) {
      const response = await fetch(server.url + route);
      expect(response.headers.get('strict-transport-security'), route).toBe(
        'max-age=63072000; includeSubDomains',
      );
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
