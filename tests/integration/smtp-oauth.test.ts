import { afterEach, describe, expect, it } from 'vitest';
import { fetchToken } from '@/lib/oauth/fetch-token';
import type { OAuthSettings } from '@/lib/oauth/oauth-settings';
import { sendTestEmail, type SmtpTestReport } from '@/lib/smtp/send-test-email';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';
import { createTestCertificates } from '../support/certificates';
import { freePort } from '../support/free-port';
import { startTestTokenServer, type TestTokenServer } from '../support/oauth-token-server';
import { createOtherServiceAccount } from '../support/service-account-key';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';

// The test email signing in with OAuth2 against a real token server and a real SMTP server
// that checks the token: delivery for each provider, and each way it fails told in its own
// words, the token step before any SMTP connection.

const start = withTestSmtpServers();
const message = { subject: 'Gatehouse test', text: 'It works.', html: '<p>It works.</p>' };
const limits = {
  boundMs: 8000,
  timeouts: { connectionMs: 2000, greetingMs: 2000, socketMs: 3000 },
};
const mailbox = 'noreply@nordlicht.test';

const tokenServers: TestTokenServer[] = [];
afterEach(async () => {
  await Promise.all(tokenServers.splice(0).map((server) => server.close()));
});

async function tokenServer(options: Parameters<typeof startTestTokenServer>[0] = {}) {
  const server = await startTestTokenServer(options);
  tokenServers.push(server);
  server.delegatedMailboxes.add(mailbox);
  return server;
}

async function smtpServerFor(tokens: TestTokenServer, refusal: 'google' | 'microsoft') {
  return start({
    mode: 'starttls',
    oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal },
  });
}

function oauthFor(tokens: TestTokenServer, provider: OAuthSettings['provider']): OAuthSettings {
  const base = { tenant: null, authority: null, tokenUrl: null, scope: null, mailbox };
  if (provider === 'microsoft') {
    return {
      ...base,
      provider,
      tenant: tokens.microsoft.tenant,
      authority: tokens.url,
      clientId: tokens.microsoft.clientId,
      secret: tokens.microsoft.clientSecret,
    };
  }
  if (provider === 'google') {
    return {
      ...base,
      provider,
      clientId: tokens.serviceAccount.clientEmail,
      tokenUrl: tokens.googleTokenUri,
      secret: tokens.serviceAccount.privateKeyPem,
    };
  }
  return {
    ...base,
    provider,
    tokenUrl: tokens.otherTokenUrl,
    scope: tokens.other.scope,
    clientId: tokens.other.clientId,
    secret: tokens.other.clientSecret,
  };
}

function configFor(smtp: TestSmtpServer, oauth: OAuthSettings | null): SmtpConfig {
  return {
    host: smtp.host,
    port: smtp.port,
    senderName: 'Nordlicht Media',
    senderEmail: mailbox,
    ssl: false,
    starttls: true,
    auth: true,
    username: oauth ? mailbox : credentials.user,
    password: oauth ? null : credentials.pass,
    caPem: smtp.caPem,
    oauth,
  };
}

async function failing(report: Promise<SmtpTestReport>) {
  const result = await report;
  if (result.ok) throw new Error('expected the test email to fail');
  return result;
}

const send = (config: SmtpConfig) =>
  sendTestEmail({ config, to: 'admin@nordlicht.test', message, limits });

describe('a test email signed in with OAuth2', () => {
  it.each(['microsoft', 'google', 'other'] as const)(
    'arrives with a token from %s, whose request the details show without secret or token',
    async (provider) => {
      const tokens = await tokenServer();
      const smtp = await smtpServerFor(tokens, provider === 'microsoft' ? 'microsoft' : 'google');
      const oauth = oauthFor(tokens, provider);
      const report = await send(configFor(smtp, oauth));
      expect(report).toMatchObject({ ok: true });

      const received = await smtp.waitForMessage();
      expect(received.envelope.rcptTo).toEqual(['admin@nordlicht.test']);
      expect(smtp.oauthLogins).toEqual([
        { user: mailbox, token: expect.any(String), accepted: true },
      ]);
      expect(tokens.fetches).toHaveLength(1);

      const [request] = report.details.tokenRequests ?? [];
      expect(request).toMatchObject({
        clientId: oauth.clientId,
        status: 200,
        error: null,
        expiresInSeconds: 3600,
        subject: provider === 'google' ? mailbox : null,
      });
      const shown = JSON.stringify(report);
      expect(shown).toContain('AUTH XOAUTH2');
      expect(shown).not.toContain(smtp.oauthLogins[0]!.token);
      expect(shown).not.toContain(Buffer.from(smtp.oauthLogins[0]!.token).toString('base64'));
      for (const secretPart of oauth.secret.split('\n').filter((line) => line.length > 20)) {
        expect(shown).not.toContain(secretPart);
      }
    },
  );
});

describe('a token that cannot be had', () => {
  async function tokenFailure(
    provider: OAuthSettings['provider'],
    change: (oauth: OAuthSettings, tokens: TestTokenServer) => OAuthSettings | void,
    options: Parameters<typeof startTestTokenServer>[0] = {},
  ) {
    const tokens = await tokenServer(options);
    const smtp = await smtpServerFor(tokens, 'microsoft');
    const oauth = oauthFor(tokens, provider);
    const report = await failing(send(configFor(smtp, change(oauth, tokens) ?? oauth)));
    // The token step comes first: the SMTP server never heard from us.
    expect(smtp.oauthLogins).toEqual([]);
    expect(report.details.conversation.filter((line) => line.from !== 'note')).toEqual([]);
    expect(report.diagnosis.step).toBe('token');
    return report;
  }

  it('names a wrong Microsoft client secret, and quotes Microsoft', async () => {
    const report = await tokenFailure('microsoft', (oauth) => ({
      ...oauth,
      secret: 'secret-id-not-value',
    }));
    expect(report.diagnosis).toMatchObject({
      advice: 'clientSecretInvalid',
      code: 'AADSTS7000215',
    });
    expect(report.diagnosis.serverReply).toMatch(/^AADSTS7000215: Invalid client secret/);
    expect(report.details.tokenRequests?.[0]).toMatchObject({
      status: 401,
      error: 'invalid_client',
    });
    expect(JSON.stringify(report)).not.toContain('secret-id-not-value');
  });

  it('names an expired Microsoft client secret', async () => {
    const report = await tokenFailure('microsoft', (_oauth, tokens) => {
      tokens.setFault('expired-client-secret');
    });
    expect(report.diagnosis).toMatchObject({
      advice: 'clientSecretExpired',
      code: 'AADSTS7000222',
    });
  });

  it('names an unknown tenant, and an app not in the tenant', async () => {
    const tenant = await tokenFailure('microsoft', (oauth) => ({
      ...oauth,
      tenant: 'fabrikam.example',
    }));
    expect(tenant.diagnosis).toMatchObject({
      advice: 'tenantNotFound',
      values: expect.objectContaining({ tenant: 'fabrikam.example' }),
    });
    const app = await tokenFailure('microsoft', (oauth) => ({
      ...oauth,
      clientId: '99999999-8888-7777-6666-555555555555',
    }));
    expect(app.diagnosis).toMatchObject({ advice: 'appNotInTenant', code: 'AADSTS700016' });
  });

  it('names a Google key that is not the service account’s, and missing delegation', async () => {
    const key = await tokenFailure('google', (oauth) => ({
      ...oauth,
      secret: createOtherServiceAccount().privateKeyPem,
    }));
    expect(key.diagnosis).toMatchObject({
      advice: 'serviceAccountKeyRejected',
      code: 'invalid_grant',
    });
    const delegation = await tokenFailure('google', (oauth) => ({
      ...oauth,
      mailbox: 'ceo@nordlicht.test',
    }));
    expect(delegation.diagnosis).toMatchObject({
      advice: 'delegationMissing',
      code: 'unauthorized_client',
      values: expect.objectContaining({ mailbox: 'ceo@nordlicht.test' }),
    });
  });

  it('names a client another provider refuses, and a scope it does not know', async () => {
    const client = await tokenFailure('other', (oauth) => ({ ...oauth, secret: 'wrong' }));
    expect(client.diagnosis).toMatchObject({ advice: 'clientRejected', code: 'invalid_client' });
    const scope = await tokenFailure('other', (oauth) => ({ ...oauth, scope: 'mail.admin' }));
    expect(scope.diagnosis).toMatchObject({ advice: 'scopeInvalid', code: 'invalid_scope' });
  });

  it('names a token endpoint that fails, answers no token, or is not there', async () => {
    const broken = await tokenFailure('other', (_oauth, tokens) => tokens.setFault('server-error'));
    expect(broken.diagnosis).toMatchObject({ advice: 'tokenServerError', code: '500' });
    const html = await tokenFailure('other', (_oauth, tokens) => tokens.setFault('not-json'));
    expect(html.diagnosis).toMatchObject({ advice: 'tokenAnswerUnreadable' });
    const port = await freePort();
    const gone = await tokenFailure('other', (oauth) => ({
      ...oauth,
      tokenUrl: `http://127.0.0.1:${port}/token`,
    }));
    expect(gone.diagnosis).toMatchObject({
      advice: 'tokenConnectionRefused',
      code: 'ECONNREFUSED',
      values: expect.objectContaining({ host: '127.0.0.1', port }),
    });
    expect(gone.details.tokenRequests?.[0]).toMatchObject({ status: null });
  });

  it('gives up on a token endpoint that never answers, and on an answer too big to be one', async () => {
    const tokens = await tokenServer();
    const oauth = oauthFor(tokens, 'other');
    tokens.setFault('stall');
    const stalled = await fetchToken(oauth, { timeoutMs: 300 });
    expect(stalled).toMatchObject({ ok: false, failure: { advice: 'tokenTimeout' } });
    tokens.setFault('oversized');
    const oversized = await fetchToken(oauth);
    expect(oversized).toMatchObject({ ok: false, failure: { advice: 'tokenAnswerUnreadable' } });
  });

  it('names a token endpoint whose host name does not resolve', async () => {
    // .invalid never resolves (RFC 6761); without a name server the lookup fails as well.
    const report = await tokenFailure('other', (oauth) => ({
      ...oauth,
      tokenUrl: 'https://login.gatehouse.invalid/token',
    }));
    expect(report.diagnosis).toMatchObject({
      advice: expect.stringMatching(/^tokenLookup(Failed|Unavailable)$/),
      values: expect.objectContaining({ host: 'login.gatehouse.invalid' }),
    });
  });

  it('names a token endpoint whose certificate this server does not trust', async () => {
    const report = await tokenFailure('other', () => {}, { tls: createTestCertificates() });
    expect(report.diagnosis).toMatchObject({
      advice: 'tokenCertificateUntrusted',
      code: expect.stringMatching(/^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)$/),
    });
  });
});

describe('a token the SMTP server refuses', () => {
  it('from Microsoft names the Exchange registration and the mailbox right', async () => {
    const tokens = await tokenServer();
    const smtp = await start({
      mode: 'starttls',
      oauth: { accepts: () => false, refusal: 'microsoft' },
    });
    const oauth = oauthFor(tokens, 'microsoft');
    const report = await failing(send(configFor(smtp, oauth)));
    expect(report.diagnosis).toMatchObject({
      step: 'auth',
      advice: 'tokenRefusedByExchange',
      code: '535',
      values: expect.objectContaining({ mailbox, clientId: oauth.clientId }),
    });
    expect(report.diagnosis.serverReply).toMatch(/^535 5\.7\.3 Authentication unsuccessful/);
  });

  it('from Google names the delegation', async () => {
    const tokens = await tokenServer();
    const smtp = await start({
      mode: 'starttls',
      oauth: { accepts: () => false, refusal: 'google' },
    });
    const report = await failing(send(configFor(smtp, oauthFor(tokens, 'google'))));
    expect(report.diagnosis).toMatchObject({ step: 'auth', advice: 'tokenRefusedByGmail' });
  });
});

describe('password sign-in refused for want of OAuth2', () => {
  it('recognises Microsoft’s 550 5.7.30 and Google’s 534 5.7.9', async () => {
    const microsoft = await start({
      mode: 'starttls',
      auth: credentials,
      fault: 'basic-auth-disabled',
    });
    expect((await failing(send(configFor(microsoft, null)))).diagnosis).toMatchObject({
      step: 'auth',
      advice: 'basicAuthDisabled',
      code: '550',
    });
    const google = await start({
      mode: 'starttls',
      auth: credentials,
      fault: 'app-password-required',
    });
    expect((await failing(send(configFor(google, null)))).diagnosis).toMatchObject({
      step: 'auth',
      advice: 'appPasswordRequired',
      code: '534',
    });
  });
});
