import { expect, test } from '@playwright/test';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { signedInHostAdmin, uniqueEmail } from '../support/e2e-users';
import { startOwnInstance } from '../support/own-instance';
import { logEntries } from '../support/server-log';
import { inviteHostViewer } from '../support/invite-host-viewer';

// The app's log: one JSON line per event, with the time, the level and, during a request, its
// id, route and the signed-in user; pretty lines for a terminal (LOG_FORMAT=pretty).

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('every request and what happens during it is a JSON line with its request id, route and actor', async ({
  page,
}) => {
  const instance = await startOwnInstance('logs');
  try {
    const admin = await signedInHostAdmin(instance, page);
    const response = await page.goto(`${instance.url}/dashboard`);
    const requestId = response!.headers()['x-request-id'];
    expect(requestId).toMatch(uuid);
    await expect
      .poll(() => logEntries(instance.output()).find((entry) => entry.requestId === requestId))
      .toMatchObject({
        level: 'info',
        msg: 'request',
        route: '/dashboard',
        method: 'GET',
        status: 200,
        actorId: admin.id,
      });
    const [line] = logEntries(instance.output()).filter((entry) => entry.requestId === requestId);
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);

    // A line the app logs while serving a request carries it too: an invitation's email
    // failing (the saved SMTP server does not exist) names the request and who invited.
    await setUnreachableSmtp(instance.database.db, true);
    const invitee = uniqueEmail('logged');
    await inviteHostViewer(page, instance.url, invitee);
    await expect
      .poll(
        () =>
          logEntries(instance.output()).find((entry) =>
            /^Email \S+ will be retried/.test(String(entry.msg)),
          ),
        { timeout: 20_000 },
      )
      .toMatchObject({ level: 'warn', actorId: admin.id, step: 'lookup', route: '/users' });
    const retried = logEntries(instance.output()).find((entry) =>
      /^Email \S+ will be retried/.test(String(entry.msg)),
    )!;
    expect(retried.requestId).toMatch(uuid);
    // Emails are named by id in the log, never by address.
    expect(instance.output()).not.toContain(invitee);

    // A request id a client makes up is not taken without a proxy in front (PROXY_HOPS).
    const forged = await fetch(`${instance.url}/api/health`, {
      headers: { 'x-request-id': 'made-up-by-a-client' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(uuid);
  } finally {
    await instance.stop();
  }
});

test('LOG_FORMAT=pretty writes lines for a person, and a proxy in front names the requests', async () => {
  const instance = await startOwnInstance('logs_pretty', { LOG_FORMAT: 'pretty', PROXY_HOPS: '1' });
  try {
    const response = await fetch(`${instance.url}/api/health`, {
      headers: { 'x-request-id': 'edge-7f3a9c' },
    });
    expect(response.headers.get('x-request-id')).toBe('edge-7f3a9c');
    // The line comes once the response has gone, a moment after the client has it.
    await expect.poll(() => instance.output()).toMatch(/INFO.*: request .*"edge-7f3a9c"/);
    expect(logEntries(instance.output())).toEqual([]);
  } finally {
    await instance.stop();
  }
});
