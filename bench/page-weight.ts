// Page weight: the JavaScript a first visit to each page downloads ("First Load JS", compressed
// as served), against a blank Next.js page built with the same Next in the same run. Every page
// of the production build is loaded in chromium with real data behind it (a signed-in host
// admin, a managed account, a pending invitation, a reset link, an unused set-up link), so each
// renders its form rather than an error. Target: each page ≤ blank + 30 kB. Run: npm run bench:weight
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { passwordResets, setupToken } from '@/db/schema';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { pages } from '../tests/support/app-inventory';
import { launchAppServer, waitForResponse } from '../tests/support/app-server';
import { insertAccount } from '../tests/support/e2e-accounts';
import { createPendingInvitee, createUser, signInCookie } from '../tests/support/e2e-users';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { createTestDatabase } from '../tests/support/test-database';
import { startBlankApp } from './support/blank-app';
import { reportFigures } from './support/report';
import config from '../playwright.config';
import { buildAppIfNeeded, benchSecret } from './support/bench-app';
import { ratio } from './support/timing';

const allowanceKb = 30;

/**
 * Bytes of every script the page downloads until the network is idle: the body as it came
 * over the wire (`next start` gzips), or gzipped here at zlib's default level if it came
 * uncompressed, so every figure is a gzip size.
 */
async function firstLoadJs(
  browser: Browser,
  url: string,
  cookie?: string,
): Promise<{ bytes: number; scripts: { url: string; bytes: number }[] }> {
  const context = await browser.newContext();
  try {
    if (cookie) {
      const [name, value] = cookie.split(/=(.*)/s) as [string, string];
      await context.addCookies([{ name, value, url: new URL(url).origin }]);
    }
    const page = await context.newPage();
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      sizes.push(
        (async () => ({
          url: response.url(),
          bytes: response.headers()['content-encoding']
            ? (await response.request().sizes()).responseBodySize
            : gzipSync(await response.body()).length,
        }))(),
      );
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (response?.status() !== 200 || page.url() !== url) {
      throw new Error(`${url} answered ${response?.status()} at ${page.url()}, not its page`);
    }
    const scripts = await Promise.all(sizes);
    return { bytes: scripts.reduce((sum, script) => sum + script.bytes, 0), scripts };
  } finally {
    await context.close();
  }
}

async function main() {
  buildAppIfNeeded();
  const blank = await startBlankApp();
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_weight');
  const { db } = database.handle;
  const server = await launchAppServer({ DATABASE_URL: database.url, APP_SECRET: benchSecret });
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    await waitForResponse(server);
    // The set-up page shows its form only while no user exists: replace the link the server
    // logged at start with one whose token is known here, and load that page first.
    const setup = newToken();
    await db
      .insert(setupToken)
      .values({ tokenHash: hashToken(setup) })
      .onConflictDoUpdate({ target: setupToken.id, set: { tokenHash: hashToken(setup) } });
    const paths: Record<string, string> = { '/setup': `/setup?token=${setup}` };
    const setupWeight = await firstLoadJs(browser, server.url + paths['/setup']);

    const admin = await createUser(database.handle, { hostRole: 'admin' });
    const cookie = await signInCookie(database.handle, admin, benchSecret);
    paths['/invite/[token]'] = (await createPendingInvitee(database.handle)).path;
    const resetUser = await createUser(database.handle, { hostRole: 'standard' });
    const reset = newToken();
    await db.insert(passwordResets).values({
      userId: resetUser.id,
      tokenHash: hashToken(reset),
      kind: 'self_service',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    paths['/reset/[token]'] = `/reset/${reset}`;
    // Managed: host admins open it and its Users page by their host role.
    const account = await insertAccount(database.handle, { managed: true });
    paths['/accounts/[accountId]'] = `/accounts/${account.id}`;
    paths['/accounts/[accountId]/users'] = `/accounts/${account.id}/users`;

    const baseline = (await firstLoadJs(browser, `${blank.url}/`)).bytes / 1000;
    const kB = (value: number) => Number(value.toFixed(1));
    const figures = [];
    const overTarget: { route: string; scripts: { url: string; bytes: number }[] }[] = [];
    // `/` only redirects to /dashboard; /database-unavailable shows only while the database is
    // down (with it up, it redirects too).
    const measured = pages().filter(({ route }) => !['/', '/database-unavailable'].includes(route));
    for (const { route, signedIn } of measured) {
      if (route.includes('[') && !paths[route]) throw new Error(`No URL to load for ${route}`);
      const weight =
        route === '/setup'
          ? setupWeight
          : await firstLoadJs(
              browser,
              server.url + (paths[route] ?? route),
              signedIn ? cookie : undefined,
            );
      const ours = weight.bytes / 1000;
      if (ours > baseline + allowanceKb) overTarget.push({ route, scripts: weight.scripts });
      figures.push({
        figure: `First Load JS (gzip) ${route} (kB)`,
        ours: kB(ours),
        baseline: kB(baseline),
        ratio: ratio(ours, baseline),
        target: `≤ blank + ${allowanceKb} kB`,
        over: kB(ours - baseline),
      });
    }
    reportFigures('page-weight', figures);
    // Chunk names are hashes: the largest ones are where to start looking.
    for (const { route, scripts } of overTarget) {
      console.log(`${route} is over its target; its largest scripts:`);
      for (const script of [...scripts].sort((a, b) => b.bytes - a.bytes).slice(0, 5)) {
        console.log(`  ${kB(script.bytes / 1000)} kB  ${new URL(script.url).pathname}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    await blank.stop();
    await database.drop();
    cluster.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
