import { expect, test } from '../support/e2e-fixtures';
import { e2eCronSecret } from '../support/e2e-users';

// /api/health tells anyone whether the instance is up, and only the operator (with
// CRON_SECRET) what it runs on: database driver, latency, migrations.

const detailed = { status: 'ok', database: { driver: 'postgres', reachable: true } };

test('the public health answer is the status alone; the detail needs CRON_SECRET', async ({
  baseURL,
}) => {
  const health = (authorization?: string) =>
    fetch(`${baseURL}/api/health`, { headers: authorization ? { authorization } : {} });

  for (const authorization of [
    undefined,
    'Bearer',
    `Bearer ${e2eCronSecret.slice(0, -1)}x`,
    `Basic ${e2eCronSecret}`,
    // As many characters as the right value, but more bytes: é is two bytes in UTF-8.
    `Bearer ${'é'.repeat(e2eCronSecret.length)}`,
  ]) {
    const response = await health(authorization);
    expect(response.status, authorization).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json(), authorization).toEqual({ status: 'ok' });
  }

  const operator = await health(`Bearer ${e2eCronSecret}`);
  expect(operator.status).toBe(200);
  expect(await operator.json()).toMatchObject(detailed);
});

test('the outbox cron refuses a non-ASCII secret without crashing', async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/api/cron/outbox`, {
    headers: { authorization: `Bearer ${'é'.repeat(e2eCronSecret.length)}` },
  });
  expect(response.status).toBe(401);
});
