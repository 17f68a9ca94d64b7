import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import type { DatabaseHandle } from '@/db/database';
import { pageCalling, pageRoutes } from '../support/app-inventory';
import { signInCookie } from '../support/e2e-users';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import {
  builtActions,
  encodeReply,
  returnedValue,
  type BuiltAction,
} from '../support/server-action';
import { expect } from '../support/e2e-fixtures';

// Bad input answers a field error or a 4xx, never a 500, and writes nothing: a fixed corpus of
// hostile inputs sent over HTTP to every server action of the build and every page of the app,
// as a signed-in host admin (the caller who gets furthest into each action). Its own instance:
// the cron route needs its secret set, and nothing here may leak into other workers' tests.

const cronSecret = `bad-input-cron-${randomBytes(8).toString('hex')}`;
const test = testOnOwnInstance('bad_input', { CRON_SECRET: cronSecret });

const nul = 'a\u0000b';
/** Names the app's forms use for text: every action gets a NUL byte in each. */
const textFields = [
  'hostName',
  'name',
  'senderName',
  'senderEmail',
  'host',
  'email',
  'adminEmail',
  'confirmName',
  'username',
  'password',
  'currentPassword',
  'confirmPassword',
  'token',
  'locale',
  'next',
  'search',
];
const controlCharacterMessage =
  'Remove the control characters (such as NUL or tab) from this field.';

/** What `fetch` needs to send one hostile body. */
interface BadBody {
  label: string;
  body: () => Promise<BodyInit>;
  contentType?: string;
  /** The answers that are right for it: 400 for a body that cannot be read, 413 for a big one. */
  status: number;
}

const twoMegabytes = 'x'.repeat(2 * 1024 * 1024);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const boundary = 'gatehouse-bad-input';
const multipart = (parts: Record<string, string>, { closed = true } = {}) =>
  Object.entries(parts)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('') + (closed ? `--${boundary}--\r\n` : '');
const multipartType = `multipart/form-data; boundary=${boundary}`;

/** A stream with no length up front: sent chunked, so only counting the bytes finds its size. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

const malformedBodies: BadBody[] = [
  { label: 'text/plain [null]', body: async () => '[null]', status: 400 },
  { label: 'text/plain not JSON', body: async () => '{{{', status: 400 },
  { label: 'text/plain nested 100,000 deep', body: async () => deepArray(100_000), status: 400 },
  {
    label: 'multipart cut off before its end',
    body: async () => multipart({ '0': '[null,"$K1"]', '1_name': 'x' }, { closed: false }),
    contentType: multipartType,
    status: 400,
  },
  {
    label: 'multipart with no form data in its arguments',
    body: async () => multipart({ '0': '[null]' }),
    contentType: multipartType,
    status: 400,
  },
  {
    label: 'multipart nested 100,000 deep',
    body: async () => multipart({ '0': `[null,"$K1",${deepArray(100_000)}]`, '1_name': 'x' }),
    contentType: multipartType,
    status: 400,
  },
  {
    label: '2 MB form',
    body: async () => {
      const form = new FormData();
      form.set('name', twoMegabytes);
      return (await encodeReply([null, form])) as FormData;
    },
    status: 413,
  },
  {
    label: '2 MB chunked',
    body: async () => chunked(multipart({ '0': '[null,"$K1"]', '1_name': twoMegabytes })),
    contentType: multipartType,
    status: 413,
  },
];

/** Every row the app keeps, but sessions (signing out ends one) and throttles, as one digest. */
async function fingerprint(database: DatabaseHandle): Promise<Record<string, string>> {
  const tables = [
    'host_settings',
    'smtp_settings',
    'smtp_last_test',
    'accounts',
    'account_memberships',
    'users',
    'invitations',
    'password_resets',
    'outbox',
    'setup_token',
  ];
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const rows = (await database.db.execute(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${table} t`,
      ),
    )) as unknown as { digest: string }[];
    digests[table] = rows[0]!.digest;
  }
  return digests;
}

async function callAction(options: {
  baseURL: string;
  action: BuiltAction;
  accountId: string;
  cookie: string;
  body: BodyInit;
  contentType?: string;
}): Promise<{ status: number; text: string; redirect: string | null }> {
  const headers: Record<string, string> = {
    'next-action': options.action.id,
    accept: 'text/x-component',
    origin: options.baseURL,
    cookie: options.cookie,
  };
  if (options.contentType) headers['content-type'] = options.contentType;
  const url = options.baseURL + pageCalling(options.action, options.accountId);
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: options.body,
    duplex: 'half',
  } as RequestInit);
  return {
    status: response.status,
    text: await response.text(),
    redirect: response.headers.get('x-action-redirect'),
  };
}

/** A managed account for the pages and actions that name one. */
async function managedAccount(database: DatabaseHandle): Promise<string> {
  const [row] = await database.db
    .insert(accounts)
    .values({ name: `Bad input ${randomBytes(4).toString('hex')}`, managed: true })
    .returning({ id: accounts.id });
  return row!.id;
}

for (const action of builtActions()) {
  test(`${action.exportedName} (${action.filename}): bad input is refused and nothing is written`, async ({
    baseURL,
    database,
    makeUser,
  }) => {
    const accountId = await managedAccount(database);
    // Its own admin: the sign-out actions end the caller's sessions.
    const admin = await makeUser({ hostRole: 'admin' });
    const cookie = `${await signInCookie(database, admin)}; gatehouse-locale=en`;
    const before = await fingerprint(database);

    // A NUL byte in every text field: a field error on the field, before anything is read.
    const form = new FormData();
    for (const name of textFields) form.set(name, nul);
    form.set('accountId', accountId);
    const answer = await callAction({
      baseURL: baseURL!,
      action,
      accountId,
      cookie,
      body: (await encodeReply([null, form])) as FormData,
    });
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    if (answer.redirect === null) {
      const value = returnedValue(answer.text) as
        { ok: boolean; fieldErrors?: Record<string, string[]> } | undefined;
      expect(value?.ok, answer.text.slice(0, 300)).toBe(false);
      const messages = Object.values(value?.fieldErrors ?? {}).flat();
      expect(messages, answer.text.slice(0, 300)).toContain(controlCharacterMessage);
    } else {
      // The sign-out actions take no text: they end the session and send the visitor on.
      expect(action.filename).toBe('app/(console)/session-actions.ts');
    }

    const answers: Record<string, number> = {};
    for (const bad of malformedBodies) {
      const response = await callAction({
        baseURL: baseURL!,
        action,
        accountId,
        cookie: `${await signInCookie(database, admin)}; gatehouse-locale=en`,
        body: await bad.body(),
        contentType: bad.contentType,
      });
      answers[bad.label] = response.status;
    }
    expect(answers).toEqual(
      Object.fromEntries(malformedBodies.map((bad) => [bad.label, bad.status])),
    );

    expect(await fingerprint(database), 'rows written by bad input').toEqual(before);
  });
}

test('every page answers hostile addresses and form posts without a server error', async ({
  baseURL,
  database,
  makeUser,
}) => {
  const accountId = await managedAccount(database);
  const admin = await makeUser({ hostRole: 'admin' });
  const cookies = {
    hostAdmin: `${await signInCookie(database, admin)}; gatehouse-locale=en`,
    signedOut: 'gatehouse-locale=en',
  };
  const query = '?q=%00&account=%00&callbackUrl=%00&token=%00&status=%00&signedOut=%00';
  const paths = pageRoutes().flatMap((route) => {
    const filled = route.replace('[accountId]', accountId).replace(/\[\w+\]/g, 'x'.repeat(43));
    const withNul = route.replace(/\[\w+\]/g, '%00');
    // Percent-encoding that decodes to no UTF-8: Next cannot read the route's parameter.
    const notUtf8 = route.replace(/\[\w+\]/g, '%ff');
    return [filled + query, ...(withNul === route ? [] : [withNul + query, notUtf8 + query])];
  });

  const failures: string[] = [];
  for (const path of paths) {
    for (const [caller, cookie] of Object.entries(cookies)) {
      const get = await fetch(baseURL + path, { redirect: 'manual', headers: { cookie } });
      await get.arrayBuffer();
      if (get.status >= 500) failures.push(`GET ${path} as ${caller}: ${get.status}`);
      // A form post without JavaScript (no Next-Action header) whose body is cut off.
      const post = await fetch(baseURL + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: baseURL!, 'content-type': multipartType },
        body: multipart({ $ACTION_ID_0: 'x' }, { closed: false }),
      });
      await post.arrayBuffer();
      if (post.status >= 500) failures.push(`POST ${path} as ${caller}: ${post.status}`);
    }
  }
  expect(failures).toEqual([]);

  // The Users search is answered, not failed: the NUL byte is not searched for.
  const search = await fetch(`${baseURL}/users?q=%00`, { headers: { cookie: cookies.hostAdmin } });
  expect(search.status).toBe(200);
  expect(await search.text()).toContain(admin.email);
});

test('the cron route refuses a bearer of the right length with non-ASCII characters', async ({
  baseURL,
}) => {
  const expected = `Bearer ${cronSecret}`;
  // As many characters as the real one, each "é" two bytes in UTF-8.
  const forged = `Bearer ${'é'.repeat(cronSecret.length)}`;
  expect(forged.length).toBe(expected.length);
  const response = await fetch(`${baseURL}/api/cron/outbox`, {
    headers: { authorization: forged },
  });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: 'unauthorized' });
});

/** Hostile calls of next-auth's own endpoints, which no form of ours makes. */
const authEndpointCalls: { label: string; path: string; init?: RequestInit }[] = [
  { label: 'a line break in the error page', path: '/api/auth/error?error=a%0d%0ab' },
  { label: 'a NUL in the error page', path: '/api/auth/error?error=%00' },
  { label: 'a line break in the sign-in page', path: '/api/auth/signin?error=a%0d%0ab' },
  { label: 'the credentials callback by GET', path: '/api/auth/callback/credentials' },
  { label: 'an unknown provider', path: '/api/auth/callback/nobody' },
  { label: 'an unknown endpoint', path: '/api/auth/whatever' },
  { label: 'an endpoint whose percent-encoding is no UTF-8', path: '/api/auth/%ff' },
  // next-auth refuses a callbackUrl it cannot parse as a URL with a 500, on every endpoint.
  ...['/api/auth/csrf', '/api/auth/session', '/api/auth/providers'].flatMap((path) => [
    { label: `a callbackUrl that is no URL to ${path}`, path: `${path}?callbackUrl=a` },
    { label: `a javascript: callbackUrl to ${path}`, path: `${path}?callbackUrl=javascript:x` },
    { label: `a repeated callbackUrl to ${path}`, path: `${path}?callbackUrl=/a&callbackUrl=b` },
    { label: `an ideographic space callbackUrl to ${path}`, path: `${path}?callbackUrl=%E3%80%80` },
    {
      label: `bytes that are no UTF-8 as callbackUrl to ${path}`,
      path: `${path}?callbackUrl=%ff%fe`,
    },
  ]),
  ...['/api/auth/callback/credentials', '/api/auth/session', '/api/auth/signout'].flatMap(
    (path) => [
      {
        label: `broken JSON to ${path}`,
        path,
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
      },
      {
        label: `a broken multipart body to ${path}`,
        path,
        init: { method: 'POST', headers: { 'content-type': multipartType }, body: 'garbage' },
      },
      {
        label: `two megabytes to ${path}`,
        path,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `email=${twoMegabytes}`,
        },
      },
    ],
  ),
];

test("next-auth's own endpoints answer hostile calls with a 4xx", async ({ baseURL }) => {
  const answers: string[] = [];
  for (const call of authEndpointCalls) {
    const response = await fetch(baseURL + call.path, { redirect: 'manual', ...call.init });
    await response.arrayBuffer();
    if (response.status >= 500) answers.push(`${call.label}: ${response.status}`);
  }
  expect(answers).toEqual([]);
});

test('a callback cookie next-auth cannot read does not keep anyone from signing in', async ({
  baseURL,
  makeUser,
}) => {
  // Left by another app on the same host, or tossed in by a sibling subdomain.
  const stale = 'next-auth.callback-url=not-a-url';
  const user = await makeUser({ hostRole: 'standard' });
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: { cookie: stale } });
  expect(csrf.status).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = [stale, ...csrf.headers.getSetCookie().map((line) => line.split(';')[0])].join(
    '; ',
  );
  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({
      email: user.email,
      password: user.password,
      csrfToken,
      json: 'true',
    }),
  });
  expect(signIn.status).toBe(200);
  expect(signIn.headers.getSetCookie().some((line) => line.startsWith('gatehouse.session='))).toBe(
    true,
  );
});
