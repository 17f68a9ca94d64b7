import { createSign } from 'node:crypto';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startTestTokenServer,
  type TestTokenServer,
  type TokenFault,
} from '@/tests/support/oauth-token-server';
import { createOtherServiceAccount } from '@/tests/support/service-account-key';
import {
  credentials,
  invitation,
  transportFor,
  withTestSmtpServers,
} from '@/tests/support/smtp-client';
import type { TestSmtpServer } from '@/tests/support/smtp-server';

// Proves the OAuth2 harness itself with plain clients (fetch, nodemailer): each provider's
// token endpoint grants and refuses from checking the request, its tokens sign in over XOAUTH2
// on the test SMTP server, and refused tokens and passwords are answered as Gmail and
// Exchange Online answer them.

const start = withTestSmtpServers();
const mailbox = 'noreply@nordlicht.test';
const microsoftScope = 'https://outlook.office365.com/.default';
const googleScope = 'https://mail.google.com/';

const tokenServers: TestTokenServer[] = [];
afterEach(async () => {
  await Promise.all(tokenServers.splice(0).map((server) => server.close()));
});

async function startTokens(): Promise<TestTokenServer> {
  const server = await startTestTokenServer();
  tokenServers.push(server);
  server.delegatedMailboxes.add(mailbox);
  return server;
}

interface TokenAnswer {
  status: number;
  contentType: string;
  wwwAuthenticate: string | null;
  text: string;
  json: Record<string, unknown> | null;
}

async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<TokenAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    text,
    json: contentType.startsWith('application/json') ? JSON.parse(text) : null,
  };
}

function microsoftToken(tokens: TestTokenServer, change: Record<string, string> = {}) {
  const { tenant = tokens.microsoft.tenant, ...fields } = change;
  return postForm(`${tokens.url}/${tenant}/oauth2/v2.0/token`, {
    grant_type: 'client_credentials',
    client_id: tokens.microsoft.clientId,
    client_secret: tokens.microsoft.clientSecret,
    scope: microsoftScope,
    ...fields,
  });
}

/** A service account's RS256 JWT, signed here as Google's client libraries sign it. */
function signedJwt(privateKeyPem: string, keyId: string, claims: Record<string, unknown>) {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: keyId })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKeyPem, 'base64url');
  return `${unsigned}.${signature}`;
}

function googleToken(
  tokens: TestTokenServer,
  change: { claims?: Record<string, unknown>; privateKeyPem?: string } = {},
) {
  const key = JSON.parse(tokens.serviceAccount.keyJson(tokens.googleTokenUri)) as Record<
    string,
    string
  >;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: key.client_email,
    sub: mailbox,
    scope: googleScope,
    aud: key.token_uri,
    iat: now,
    exp: now + 3600,
    ...change.claims,
  };
  const assertion = signedJwt(
    change.privateKeyPem ?? key.private_key!,
    key.private_key_id!,
    claims,
  );
  return postForm(tokens.googleTokenUri, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion,
  });
}

function otherToken(
  tokens: TestTokenServer,
  how: { basic?: [string, string]; body?: [string, string]; scope?: string },
) {
  const fields: Record<string, string> = {
    grant_type: 'client_credentials',
    scope: how.scope ?? tokens.other.scope,
  };
  if (how.body) [fields.client_id, fields.client_secret] = how.body;
  const headers: Record<string, string> = how.basic
    ? {
        authorization: `Basic ${Buffer.from(how.basic.map(encodeURIComponent).join(':')).toString('base64')}`,
      }
    : {};
  return postForm(tokens.otherTokenUrl, fields, headers);
}

function accessToken(answer: TokenAnswer): string {
  const token = answer.json?.access_token;
  if (answer.status !== 200 || typeof token !== 'string') {
    throw new Error(`No token: ${answer.status} ${answer.text}`);
  }
  return token;
}

function smtpServerFor(tokens: TestTokenServer, refusal: 'google' | 'microsoft') {
  return start({
    mode: 'starttls',
    oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal },
  });
}

/** Sends as `user` with a fixed token; `wire` collects every line the server answered. */
function sendWithToken(
  smtp: TestSmtpServer,
  user: string,
  token: string,
  options: SMTPTransport.Options = {},
) {
  return transportFor(smtp, {
    auth: { type: 'OAuth2', user, accessToken: token },
    ...options,
  }).sendMail({ ...invitation, from: user });
}

function serverLines() {
  const lines: string[] = [];
  const ignore = () => undefined;
  const logger = {
    level: ignore,
    trace: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    fatal: ignore,
    debug(entry: { tnx?: string }, message: string) {
      if (entry.tnx === 'server') lines.push(...message.split(/\r?\n/));
    },
  };
  return { lines, options: { logger, transactionLog: true } };
}

async function failure(sending: Promise<unknown>): Promise<SMTPConnection.SMTPError> {
  return sending.then(
    () => expect.fail('the send succeeded'),
    (reason: unknown) => reason as SMTPConnection.SMTPError,
  );
}

const microsoftRefusal =
  '535 5.7.3 Authentication unsuccessful [SN4PR0501CA0048.namprd05.prod.outlook.com]';
const gmailRefusal = [
  '535-5.7.8 Username and Password not accepted. For more information, go to',
  '535 5.7.8  https://support.google.com/mail/?p=BadCredentials',
];

describe('Microsoft 365: client credentials', () => {
  it.each(['tenant', 'tenantDomain'] as const)(
    'grants a token by %s that signs in over XOAUTH2, for any mailbox',
    async (tenantField) => {
      const tokens = await startTokens();
      const smtp = await smtpServerFor(tokens, 'microsoft');

      const answer = await microsoftToken(tokens, { tenant: tokens.microsoft[tenantField] });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: expect.stringMatching(/^[\w-]{40,}$/),
      });
      const token = accessToken(answer);
      // App-only: one token serves every mailbox the app may send as.
      await sendWithToken(smtp, mailbox, token);
      await sendWithToken(smtp, 'billing@nordlicht.test', token);

      expect(smtp.messages.map((message) => message.user)).toEqual([
        mailbox,
        'billing@nordlicht.test',
      ]);
      expect(smtp.messages[0]!.parsed.subject).toBe(invitation.subject);
      expect(smtp.oauthLogins).toEqual([
        { user: mailbox, token, accepted: true },
        { user: 'billing@nordlicht.test', token, accepted: true },
      ]);
      expect(smtp.logins).toEqual([
        { user: mailbox, pass: '' },
        { user: 'billing@nordlicht.test', pass: '' },
      ]);
      expect(tokens.fetches).toEqual([
        {
          kind: 'microsoft',
          ok: true,
          clientId: tokens.microsoft.clientId,
          scope: microsoftScope,
          at: expect.any(Number),
        },
      ]);
    },
  );

  const refusals: [
    string,
    (tokens: TestTokenServer) => Record<string, string>,
    number,
    string,
    number,
    RegExp,
  ][] = [
    [
      'an unknown tenant',
      () => ({ tenant: 'contoso.example' }),
      400,
      'invalid_request',
      90002,
      /^AADSTS90002: Tenant 'contoso\.example' not found\. /,
    ],
    [
      'an unknown client',
      () => ({ client_id: '00000000-0000-0000-0000-000000000000' }),
      400,
      'unauthorized_client',
      700016,
      /^AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found in the directory '[\w-]+'\. /,
    ],
    [
      'a wrong secret',
      () => ({ client_secret: 'not-the-secret' }),
      401,
      'invalid_client',
      7000215,
      /^AADSTS7000215: Invalid client secret provided\. Ensure the secret being sent in the request is the client secret value, not the client secret ID/,
    ],
    [
      'a scope without /.default',
      () => ({ scope: 'https://outlook.office365.com/SMTP.Send' }),
      400,
      'invalid_scope',
      1002012,
      /^AADSTS1002012: The provided value for scope https:\/\/outlook\.office365\.com\/SMTP\.Send is not valid\. Client credential flows must have a scope value with \/\.default suffixed/,
    ],
  ];

  it.each(refusals)(
    'refuses %s as Entra does',
    async (_cause, change, status, error, code, description) => {
      const tokens = await startTokens();

      const answer = await microsoftToken(tokens, change(tokens));

      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({
        error,
        error_codes: [code],
        error_description: expect.stringMatching(description),
        trace_id: expect.stringMatching(/^[\da-f-]{36}$/),
        correlation_id: expect.stringMatching(/^[\da-f-]{36}$/),
        timestamp: expect.any(String),
      });
      expect(answer.json).not.toHaveProperty('access_token');
      expect(tokens.fetches).toMatchObject([{ kind: 'microsoft', ok: false, error }]);
    },
  );

  it('refuses the right secret once it has expired', async () => {
    const tokens = await startTokens();
    tokens.setFault('expired-client-secret');

    const answer = await microsoftToken(tokens);

    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({
      error: 'invalid_client',
      error_codes: [7000222],
      error_description: expect.stringMatching(
        new RegExp(
          `^AADSTS7000222: The provided client secret keys for app '${tokens.microsoft.clientId}' are expired\\.`,
        ),
      ),
    });
  });
});

describe('Google Workspace: service account JWT bearer', () => {
  it('hands out a key file shaped like Google’s', async () => {
    const tokens = await startTokens();

    const key = JSON.parse(tokens.serviceAccount.keyJson(tokens.googleTokenUri));

    expect(Object.keys(key)).toEqual([
      'type',
      'project_id',
      'private_key_id',
      'private_key',
      'client_email',
      'client_id',
      'auth_uri',
      'token_uri',
      'auth_provider_x509_cert_url',
      'client_x509_cert_url',
      'universe_domain',
    ]);
    expect(key).toMatchObject({
      type: 'service_account',
      private_key_id: expect.stringMatching(/^[\da-f]{40}$/),
      private_key: expect.stringMatching(
        /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/,
      ),
      client_email: 'gatehouse-mailer@test-project.iam.gserviceaccount.com',
      client_id: expect.stringMatching(/^\d{21}$/),
      token_uri: tokens.googleTokenUri,
      universe_domain: 'googleapis.com',
    });
  });

  it('grants a token for the delegated mailbox that signs in as that mailbox only', async () => {
    const tokens = await startTokens();
    const smtp = await smtpServerFor(tokens, 'google');

    const answer = await googleToken(tokens);
    expect(answer.json).toEqual({
      access_token: expect.stringMatching(/^ya29\.[\w-]{40,}$/),
      expires_in: 3600,
      token_type: 'Bearer',
    });
    const token = accessToken(answer);
    await sendWithToken(smtp, mailbox, token);
    const refused = await failure(sendWithToken(smtp, 'billing@nordlicht.test', token));

    expect(smtp.messages.map((message) => message.user)).toEqual([mailbox]);
    expect(refused).toMatchObject({ code: 'EAUTH', responseCode: 535 });
    expect(smtp.oauthLogins.map((login) => [login.user, login.accepted])).toEqual([
      [mailbox, true],
      // nodemailer cannot renew a fixed token, so it offers the same one a second time.
      ['billing@nordlicht.test', false],
      ['billing@nordlicht.test', false],
    ]);
    expect(tokens.fetches).toEqual([
      {
        kind: 'google',
        ok: true,
        clientId: tokens.serviceAccount.clientEmail,
        scope: googleScope,
        subject: mailbox,
        at: expect.any(Number),
      },
    ]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const shortLived =
    'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
  const unauthorized =
    'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.';
  const refusals: [string, () => Parameters<typeof googleToken>[1], number, string, string][] = [
    [
      'a JWT signed with another key',
      () => ({ privateKeyPem: createOtherServiceAccount().privateKeyPem }),
      400,
      'invalid_grant',
      'Invalid JWT Signature.',
    ],
    [
      'an unknown service account',
      () => ({ claims: { iss: 'someone@elsewhere.iam.gserviceaccount.com' } }),
      400,
      'invalid_grant',
      'Invalid grant: account not found',
    ],
    [
      'a JWT for another audience',
      () => ({ claims: { aud: 'https://oauth2.googleapis.com/token' } }),
      400,
      'invalid_grant',
      'Invalid JWT: Failed audience check.',
    ],
    [
      'a JWT living over an hour',
      () => ({ claims: { iat: now(), exp: now() + 3601 } }),
      400,
      'invalid_grant',
      shortLived,
    ],
    [
      'a JWT issued ten minutes ahead',
      () => ({ claims: { iat: now() + 600, exp: now() + 1200 } }),
      400,
      'invalid_grant',
      shortLived,
    ],
    [
      'a JWT already expired',
      () => ({ claims: { iat: now() - 240, exp: now() - 10 } }),
      400,
      'invalid_grant',
      shortLived,
    ],
    [
      'a mailbox outside the delegation',
      () => ({ claims: { sub: 'intern@nordlicht.test' } }),
      401,
      'unauthorized_client',
      unauthorized,
    ],
    [
      'a scope outside the delegation',
      () => ({ claims: { scope: 'https://www.googleapis.com/auth/gmail.send' } }),
      401,
      'unauthorized_client',
      unauthorized,
    ],
  ];

  it.each(refusals)(
    'refuses %s as Google does',
    async (_cause, change, status, error, description) => {
      const tokens = await startTokens();

      const answer = await googleToken(tokens, change());

      expect(answer.status).toBe(status);
      expect(answer.json).toEqual({ error, error_description: description });
      expect(tokens.fetches).toMatchObject([{ kind: 'google', ok: false, error }]);
    },
  );
});

describe('another provider: RFC 6749 client credentials', () => {
  it.each(['basic', 'body'] as const)(
    'grants a token to a client authenticating in the %s that signs in over XOAUTH2',
    async (where) => {
      const tokens = await startTokens();
      const smtp = await smtpServerFor(tokens, 'google');
      const pair: [string, string] = [tokens.other.clientId, tokens.other.clientSecret];

      const answer = await otherToken(tokens, { [where]: pair });
      expect(answer.json).toEqual({
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: expect.any(String),
      });
      await sendWithToken(smtp, mailbox, accessToken(answer));

      expect((await smtp.waitForMessage()).user).toBe(mailbox);
      expect(tokens.fetches).toMatchObject([
        { kind: 'other', ok: true, clientId: tokens.other.clientId, scope: tokens.other.scope },
      ]);
    },
  );

  it('refuses a wrong secret, with a Basic challenge only where Basic was used', async () => {
    const tokens = await startTokens();

    const basic = await otherToken(tokens, { basic: [tokens.other.clientId, 'wrong'] });
    const body = await otherToken(tokens, { body: [tokens.other.clientId, 'wrong'] });
    const nobody = await otherToken(tokens, {});

    for (const answer of [basic, body, nobody]) {
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: 'invalid_client' });
    }
    expect(basic.wwwAuthenticate).toMatch(/^Basic /);
    expect(body.wwwAuthenticate).toBeNull();
  });

  it('refuses credentials sent both ways at once, and a scope it does not grant', async () => {
    const tokens = await startTokens();
    const pair: [string, string] = [tokens.other.clientId, tokens.other.clientSecret];

    const both = await otherToken(tokens, { basic: pair, body: pair });
    const scope = await otherToken(tokens, { basic: pair, scope: 'mail.read' });

    expect(both.status).toBe(400);
    expect(both.json).toMatchObject({ error: 'invalid_request' });
    expect(scope.status).toBe(400);
    expect(scope.json).toEqual({ error: 'invalid_scope' });
    expect(tokens.fetches.map((fetch) => [fetch.ok, fetch.error])).toEqual([
      [false, 'invalid_request'],
      [false, 'invalid_scope'],
    ]);
  });
});

describe('tokens the SMTP server refuses', () => {
  type Provider = 'microsoft' | 'google';
  const fetchFor = (tokens: TestTokenServer, provider: Provider) =>
    provider === 'microsoft' ? microsoftToken(tokens) : googleToken(tokens);

  async function expectRefusal(smtp: TestSmtpServer, provider: Provider, token: string) {
    const wire = serverLines();
    const error = await failure(sendWithToken(smtp, mailbox, token, wire.options));
    expect(error).toMatchObject({ code: 'EAUTH', command: 'AUTH XOAUTH2', responseCode: 535 });
    if (provider === 'microsoft') {
      expect(error.response).toBe(microsoftRefusal);
      expect(wire.lines).toContain(microsoftRefusal);
      expect(wire.lines.filter((line) => line.startsWith('334'))).toEqual([]);
      return;
    }
    expect(error.response?.split(/\r?\n/)).toEqual(gmailRefusal);
    const challenges = wire.lines.filter((line) => line.startsWith('334 '));
    expect(challenges).toHaveLength(2); // nodemailer offers a fixed token twice
    expect(JSON.parse(Buffer.from(challenges[0]!.slice(4), 'base64').toString())).toEqual({
      status: '400',
      schemes: 'Bearer',
      scope: googleScope,
    });
    expect(wire.lines.slice(-2)).toEqual(gmailRefusal);
  }

  it.each<Provider>(['microsoft', 'google'])(
    'refuses a revoked token as %s does',
    async (provider) => {
      const tokens = await startTokens();
      const smtp = await smtpServerFor(tokens, provider);
      const token = accessToken(await fetchFor(tokens, provider));
      await sendWithToken(smtp, mailbox, token);

      tokens.revokeAll();

      await expectRefusal(smtp, provider, token);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.oauthLogins[0]).toEqual({ user: mailbox, token, accepted: true });
      expect(smtp.oauthLogins.slice(1).every((login) => !login.accepted)).toBe(true);
    },
  );

  it.each<Provider>(['microsoft', 'google'])(
    'refuses an expired token as %s does',
    async (provider) => {
      const tokens = await startTokens();
      const smtp = await smtpServerFor(tokens, provider);
      tokens.setLifetimeSeconds(1);
      const answer = await fetchFor(tokens, provider);
      expect(answer.json).toMatchObject({ expires_in: 1 });

      await new Promise((resolve) => setTimeout(resolve, 1100));

      await expectRefusal(smtp, provider, accessToken(answer));
      expect(smtp.messages).toEqual([]);
    },
  );

  it('lets a client that renews after Gmail’s challenge through on its second try', async () => {
    const tokens = await startTokens();
    const smtp = await smtpServerFor(tokens, 'google');
    const stale = accessToken(await googleToken(tokens));
    tokens.revokeAll();

    await transportFor(smtp, {
      auth: {
        type: 'OAuth2',
        user: mailbox,
        accessToken: stale,
        provisionCallback: (_user, _renew, callback) => {
          googleToken(tokens).then((answer) => callback(null, accessToken(answer)), callback);
        },
      },
    }).sendMail({ ...invitation, from: mailbox });

    expect(smtp.oauthLogins.map((login) => login.accepted)).toEqual([false, true]);
    expect(tokens.fetches).toHaveLength(2);
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('password sign-in refused for want of OAuth2', () => {
  it('offers XOAUTH2 beside PLAIN and LOGIN', async () => {
    const tokens = await startTokens();
    const smtp = await start({
      mode: 'starttls',
      auth: credentials,
      oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal: 'microsoft' },
    });
    const wire = serverLines();

    await transportFor(smtp, wire.options).sendMail(invitation);

    expect(wire.lines).toContain('250-AUTH PLAIN LOGIN XOAUTH2');
    expect(smtp.logins).toEqual([credentials]);
    expect(smtp.oauthLogins).toEqual([]);
  });

  const faults = [
    [
      'basic-auth-disabled',
      550,
      ['550 5.7.30 Basic authentication is not supported for Client Submission.'],
    ],
    [
      'app-password-required',
      534,
      [
        '534-5.7.9 Application-specific password required. For more information, go to',
        '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor',
      ],
    ],
  ] as const;

  it.each(
    faults.flatMap(([fault, code, lines]) =>
      (['PLAIN', 'LOGIN'] as const).map((method) => [fault, method, code, lines] as const),
    ),
  )('%s answers the right password over %s with %i', async (fault, method, code, lines) => {
    const smtp = await start({ mode: 'starttls', auth: credentials, fault });

    const error = await failure(transportFor(smtp, { authMethod: method }).sendMail(invitation));

    expect(error).toMatchObject({ code: 'EAUTH', command: `AUTH ${method}`, responseCode: code });
    expect(error.response?.split(/\r?\n/)).toEqual(lines);
    expect(smtp.logins).toEqual([credentials]);
    expect(smtp.messages).toEqual([]);

    smtp.setFault(null);
    await transportFor(smtp, { authMethod: method }).sendMail(invitation);
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('the token endpoint’s own failures', () => {
  it('records every token request in order, granted or not', async () => {
    const tokens = await startTokens();

    await microsoftToken(tokens, { client_secret: 'wrong' });
    await googleToken(tokens);
    await otherToken(tokens, { body: [tokens.other.clientId, tokens.other.clientSecret] });

    expect(tokens.fetches.map(({ kind, ok, error }) => ({ kind, ok, error }))).toEqual([
      { kind: 'microsoft', ok: false, error: 'invalid_client' },
      { kind: 'google', ok: true, error: undefined },
      { kind: 'other', ok: true, error: undefined },
    ]);
    const times = tokens.fetches.map((fetch) => fetch.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  const broken: [TokenFault, number, RegExp, (answer: TokenAnswer) => void][] = [
    ['server-error', 500, /^text\/html/, (answer) => expect(answer.text).toMatch(/^<html>/)],
    ['not-json', 200, /^text\/html/, (answer) => expect(answer.text).toMatch(/^<html>/)],
    [
      'no-token',
      200,
      /^application\/json/,
      (answer) => expect(answer.json).toEqual({ token_type: 'Bearer' }),
    ],
  ];

  it.each(broken)(
    '%s answers %i with no token, even to the right credentials',
    async (fault, status, contentType, check) => {
      const tokens = await startTokens();
      tokens.setFault(fault);

      const answer = await microsoftToken(tokens);

      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(contentType);
      check(answer);
      expect(tokens.fetches).toMatchObject([{ kind: 'microsoft', ok: false }]);

      tokens.setFault(null);
      expect((await microsoftToken(tokens)).status).toBe(200);
    },
  );

  it('answers a GET with 405 and an unknown path with 404', async () => {
    const tokens = await startTokens();

    const get = await fetch(tokens.otherTokenUrl);
    const unknown = await postForm(`${tokens.url}/oauth2/v1/token`, {});

    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(unknown.status).toBe(404);
  });

  it('closes at once while a request stalls', async () => {
    const tokens = await startTokens();
    tokens.setFault('stall');
    const pending = microsoftToken(tokens).then(
      () => 'answered',
      () => 'failed',
    );
    await expect.poll(() => tokens.fetches.length).toBe(1);

    const startedAt = Date.now();
    await tokens.close();

    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(await pending).toBe('failed');
  });
});
