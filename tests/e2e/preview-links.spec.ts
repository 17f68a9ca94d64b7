import http from 'node:http';
import { test, expect } from '@playwright/test';
import { createUser, signInCookie, uniqueEmail } from '../support/e2e-users';
import { startInstanceWithSmtp, type InstanceWithSmtp } from '../support/instance-with-smtp';
import { actionId, callFormAction, encodeReply, returnedValue } from '../support/server-action';

// A preview deployment of a Vercel-style platform: every link in every email starts with the
// preview's own https address, whatever Host header a request carries. Its own instance,
// started with the platform's variables (and an allow-list so the test addresses are emailed).

const previewHost = 'gatehouse-git-preview-nordlicht.example.test';
let instance: InstanceWithSmtp;

test.beforeAll(async () => {
  instance = await startInstanceWithSmtp('preview_links', {
    env: {
      VERCEL_ENV: 'preview',
      VERCEL_URL: 'gatehouse-k2j4h1-nordlicht.example.test',
      VERCEL_BRANCH_URL: previewHost,
      MAIL_ALLOWLIST: '*@example.test',
    },
  });
});

test.afterAll(async () => {
  await instance?.stop();
});

/**
 * Calls a server action with a forged Host (and the matching Origin, as an attacker's own
 * request would carry). Sent with node:http, which sends the Host header as given.
 */
async function postWithHost(
  path: string,
  id: string,
  fields: Record<string, string>,
  host: string,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const request = new Request('http://placeholder/', {
    method: 'POST',
    body: (await encodeReply([null, form])) as BodyInit,
  });
  const body = Buffer.from(await request.arrayBuffer());
  const target = new URL(path, instance.url);
  return new Promise<number>((resolve, reject) => {
    const outgoing = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          host,
          'x-forwarded-host': host,
          origin: `http://${host}`,
          'next-action': id,
          accept: 'text/x-component',
          'content-type': request.headers.get('content-type') ?? 'text/plain',
          'content-length': body.length,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

test('a forgot-password request with a forged Host header still links to the preview URL', async () => {
  const user = await createUser(instance.database, { hostRole: 'view' });
  const status = await postWithHost(
    '/forgot-password',
    actionId('app/(auth)/forgot-password/actions.ts', 'requestPasswordResetAction'),
    { email: user.email },
    'evil.example',
  );
  expect(status).toBe(200);
  const message = await instance.mailTo(user.email);
  const resetLinks = message.links.filter((link) => link.includes('/reset/'));
  expect(resetLinks).toHaveLength(1);
  expect(resetLinks[0]).toMatch(
    new RegExp(`^https://${previewHost.replace(/\./g, '\\.')}/reset/[\\w-]{43}$`),
  );
  expect(message.raw).not.toContain('evil.example');
});

test('invitation emails, and the link the dialog shows, start with the preview URL', async () => {
  const admin = await createUser(instance.database, { hostRole: 'admin' });
  // An https base URL makes the session cookie a __Secure- one.
  const cookie = (await signInCookie(instance.database, admin)).replace(
    /^gatehouse\.session=/,
    '__Secure-gatehouse.session=',
  );
  const invited = uniqueEmail('preview-invitee');
  const answer = await callFormAction({
    url: `${instance.url}/users`,
    id: actionId('app/(console)/users/actions.ts', 'inviteUserAction'),
    fields: { email: invited, language: 'en', type: 'host', hostRole: 'view' },
    cookie,
  });
  const result = returnedValue(answer.text) as { ok: boolean; data?: { link: string } };
  expect(result).toMatchObject({ ok: true });
  const expected = new RegExp(`^https://${previewHost.replace(/\./g, '\\.')}/invite/[\\w-]{43}$`);
  expect(result.data!.link).toMatch(expected);
  const message = await instance.mailTo(invited);
  const inviteLinks = message.links.filter((link) => link.includes('/invite/'));
  expect(inviteLinks).toEqual([result.data!.link]);
});
