import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnoseTokenAnswer } from '@/lib/oauth/diagnose-token-answer';
import { microsoftCloud } from '@/lib/oauth/microsoft-clouds';
import type { OAuthSettings } from '@/lib/oauth/oauth-settings';
import { tokenRequestFor } from '@/lib/oauth/token-request';

const microsoft: OAuthSettings = {
  provider: 'microsoft',
  tenant: 'nordlicht.example',
  authority: null,
  clientId: '11111111-2222-3333-4444-555555555555',
  tokenUrl: null,
  scope: null,
  secret: 'secret value',
  mailbox: 'noreply@nordlicht.example',
};

describe('a token request', () => {
  it('for Microsoft 365 is the client-credentials grant at the tenant, with the cloud scope', () => {
    const request = tokenRequestFor(microsoft);
    expect(request.endpoint).toBe(
      'https://login.microsoftonline.com/nordlicht.example/oauth2/v2.0/token',
    );
    expect(Object.fromEntries(request.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: microsoft.clientId,
      client_secret: 'secret value',
      scope: 'https://outlook.office365.com/.default',
    });
  });

  it('for a national cloud goes to its authority and asks for its Exchange', () => {
    const request = tokenRequestFor({
      ...microsoft,
      authority: 'https://login.microsoftonline.us/',
    });
    expect(request.endpoint).toBe(
      'https://login.microsoftonline.us/nordlicht.example/oauth2/v2.0/token',
    );
    expect(request.scope).toBe('https://outlook.office365.us/.default');
    expect(microsoftCloud('https://login.chinacloudapi.cn').smtpHost).toBe(
      'smtp.partner.outlook.cn',
    );
  });

  it('for another provider sends the client in HTTP Basic, form-encoded first', () => {
    const request = tokenRequestFor({
      ...microsoft,
      provider: 'other',
      tokenUrl: 'https://auth.example.com/token',
      scope: 'smtp.send',
      clientId: 'gate house',
      secret: 'p:ss',
    });
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('gate%20house:p%3Ass').toString('base64')}`,
    );
    expect(Object.fromEntries(request.body)).toEqual({
      grant_type: 'client_credentials',
      scope: 'smtp.send',
    });
  });

  it('for a Google service account is a JWT it signed, acting as the mailbox', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = new Date('2026-12-04T10:00:00Z');
    const request = tokenRequestFor(
      {
        ...microsoft,
        provider: 'google',
        clientId: 'mailer@project.iam.gserviceaccount.com',
        tokenUrl: 'https://oauth2.googleapis.com/token',
        secret: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      now,
    );
    expect(request.body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, claims, signature] = request.body.get('assertion')!.split('.');
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toEqual({
      iss: 'mailer@project.iam.gserviceaccount.com',
      sub: 'noreply@nordlicht.example',
      scope: 'https://mail.google.com/',
      aud: 'https://oauth2.googleapis.com/token',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 3600,
    });
    const verified = createVerify('RSA-SHA256')
      .update(`${header}.${claims}`)
      .verify(publicKey, Buffer.from(signature!, 'base64url'));
    expect(verified).toBe(true);
    expect(request.body.toString()).not.toContain('PRIVATE');
  });
});

describe('a token endpoint refusal', () => {
  const request = { endpoint: 'https://login.example/t', clientId: 'app', scope: 's' };
  const diagnose = (answer: Parameters<typeof diagnoseTokenAnswer>[0], provider = microsoft) =>
    diagnoseTokenAnswer(answer, provider, request);

  it("is named by Microsoft's number before the OAuth2 error", () => {
    const cases: [number, string][] = [
      [7000215, 'clientSecretInvalid'],
      [7000222, 'clientSecretExpired'],
      [90002, 'tenantNotFound'],
      [700016, 'appNotInTenant'],
    ];
    for (const [number, advice] of cases) {
      const failure = diagnose({ status: 400, error: 'invalid_client', errorCodes: [number] });
      expect(failure).toMatchObject({ advice, code: `AADSTS${number}` });
    }
  });

  it('for Google tells a bad key, a clock, an unknown user and missing delegation apart', () => {
    const google = { ...microsoft, provider: 'google' as const };
    const grant = (description: string) =>
      diagnose({ status: 400, error: 'invalid_grant', description }, google).advice;
    expect(grant('Invalid JWT Signature.')).toBe('serviceAccountKeyRejected');
    expect(
      grant(
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      ),
    ).toBe('tokenClockSkew');
    expect(grant('Invalid email or User ID')).toBe('mailboxUnknown');
    expect(diagnose({ status: 401, error: 'unauthorized_client' }, google).advice).toBe(
      'delegationMissing',
    );
  });

  it('otherwise names the OAuth2 error, or the HTTP failure', () => {
    expect(diagnose({ status: 400, error: 'invalid_scope' }).advice).toBe('scopeInvalid');
    expect(diagnose({ status: 401, error: 'invalid_client' }).advice).toBe('clientRejected');
    expect(diagnose({ status: 502 }).advice).toBe('tokenServerError');
    expect(diagnose({ status: 200 }).advice).toBe('tokenAnswerUnreadable');
    expect(diagnose({ status: 400, error: 'access_denied' }).advice).toBe('tokenRefused');
  });

  it('quotes the first line of the description and never more than 500 characters', () => {
    const failure = diagnose({ status: 400, error: 'x', description: `${'a'.repeat(600)}\nmore` });
    expect(failure.reply).toHaveLength(500);
  });
});
