import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchAppServer, setupLinkOf, waitForResponse } from '../support/app-server';
import { signInOverHttp } from '../support/credentials-sign-in';
import { e2eAppSecret } from '../support/e2e-users';

// `npm run gatehouse -- backup` while the embedded server runs and writes, then `restore` into
// a fresh folder: the restored instance starts, and its host admin signs in.

const cli = ['--conditions=react-server', '--import', 'tsx', 'scripts/gatehouse.ts'];
const password = 'lantern orbit meadow 42';

/** The CLI as an operator runs it, with this instance's folder and port, and nothing else. */
function gatehouse(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const outer = { ...process.env };
  delete outer.DATABASE_URL;
  delete outer.APP_URL;
  // Asynchronous: the test keeps writing to the server while the command runs.
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...cli, ...args],
      { env: { ...outer, APP_SECRET: e2eAppSecret, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('backs up the running embedded instance under load, and restores it into a fresh folder', async ({
  page,
}) => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-backup-e2e-'));
  const original = path.join(work, 'original');
  const file = path.join(work, 'gatehouse.backup');
  // PROXY_HOPS: the load below comes from many client addresses, so no throttle blocks it (or,
  // restored with the rest, the admin's sign-in at the end).
  const server = await launchAppServer({
    DATA_DIR: original,
    APP_SECRET: e2eAppSecret,
    PROXY_HOPS: '1',
  });
  try {
    await waitForResponse(server);
    await page.goto(await setupLinkOf(server));
    await page.getByLabel('Host name').fill('Backed Up Host');
    await page.getByLabel('Your email').fill('admin@backup.example');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create host admin' }).click();
    await expect(page).toHaveURL(`${server.url}/dashboard`);

    // Writes while the copy is made: failed sign-ins (throttle rows, audit events).
    let writing = true;
    const load = (async () => {
      let n = 0;
      while (writing) {
        await signInOverHttp(server.url, {
          email: `nobody${n}@backup.example`,
          password: 'wrong password 1',
          headers: { 'x-forwarded-for': `198.51.100.${n++ % 250}` },
        });
      }
      return n;
    })();
    const backup = await gatehouse(['backup', file], {
      DATA_DIR: original,
      PORT: String(server.port),
    });
    writing = false;
    expect(await load).toBeGreaterThan(0);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backed up the embedded database to ${file}`);
    expect(backup.stdout).toContain('made by the running server');

    // Restore refuses while a server holds the folder.
    const refused = await gatehouse(['restore', file], { DATA_DIR: original });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is in use by another Gatehouse process');
  } finally {
    await server.stop();
  }

  const fresh = path.join(work, 'fresh');
  const restore = await gatehouse(['restore', file], { DATA_DIR: fresh });
  expect(restore.status, restore.stderr).toBe(0);
  expect(restore.stdout).toContain('1 user(s)');
  const restored = await launchAppServer({ DATA_DIR: fresh, APP_SECRET: e2eAppSecret });
  try {
    await waitForResponse(restored);
    expect(restored.output()).not.toContain('No user exists yet');
    expect(await signInOverHttp(restored.url, { email: 'admin@backup.example', password })).toBe(
      'signedIn',
    );
  } finally {
    await restored.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
