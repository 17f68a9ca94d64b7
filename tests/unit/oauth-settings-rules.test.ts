import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readServiceAccountKey } from '@/lib/oauth/service-account-key';
import { tokenEndpointRefusal } from '@/lib/oauth/token-endpoint-rule';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';

// What the SMTP form accepts for Sign in with OAuth2, before anything is sent anywhere.

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keyFile = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'nordlicht-mail',
    private_key_id: 'abc123',
    private_key: privateKeyPem,
    client_email: 'mailer@nordlicht-mail.iam.gserviceaccount.com',
    client_id: '123456789012345678901',
    token_uri: 'https://oauth2.googleapis.com/token',
    ...overrides,
  });

const server = {
  host: 'smtp.office365.com',
  port: '587',
  senderName: 'Nordlicht',
  senderEmail: 'noreply@nordlicht.example',
  starttls: 'on',
  auth: 'on',
  username: 'noreply@nordlicht.example',
  signIn: 'oauth2',
};

function errorsFor(values: Record<string, string>) {
  const result = smtpFormSchema.safeParse({ ...server, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
}

describe('a token endpoint or sign-in authority', () => {
  it('is https, or plain http only on this machine', () => {
    expect(tokenEndpointRefusal('https://login.microsoftonline.com')).toBeNull();
    expect(tokenEndpointRefusal('http://127.0.0.1:8080/token')).toBeNull();
    expect(tokenEndpointRefusal('http://localhost/token')).toBeNull();
    expect(tokenEndpointRefusal('http://[::1]:9000/token')).toBeNull();
    expect(tokenEndpointRefusal('http://auth.example.com/token')).toBe('oauthUrlInsecure');
    expect(tokenEndpointRefusal('http://127.example.com/token')).toBe('oauthUrlInsecure');
  });

  it('is a URL without credentials, fragment or another scheme', () => {
    expect(tokenEndpointRefusal('auth.example.com/token')).toBe('oauthUrl');
    expect(tokenEndpointRefusal('https://user:pw@auth.example.com/token')).toBe('oauthUrl');
    expect(tokenEndpointRefusal('https://auth.example.com/token#x')).toBe('oauthUrl');
    expect(tokenEndpointRefusal('ftp://auth.example.com/token')).toBe('oauthUrl');
    expect(tokenEndpointRefusal('javascript:alert(1)')).toBe('oauthUrl');
  });
});

describe('a Google service account key file', () => {
  it('keeps the client email, private key and token URI', () => {
    expect(readServiceAccountKey(keyFile())).toEqual({
      clientEmail: 'mailer@nordlicht-mail.iam.gserviceaccount.com',
      privateKeyPem,
      tokenUri: 'https://oauth2.googleapis.com/token',
    });
  });

  it('is refused when it is no JSON, another kind of key, or its private key is unusable', () => {
    expect(readServiceAccountKey('not json')).toBeNull();
    expect(readServiceAccountKey('[]')).toBeNull();
    expect(readServiceAccountKey(keyFile({ type: 'authorized_user' }))).toBeNull();
    expect(readServiceAccountKey(keyFile({ private_key: 'MIIE…' }))).toBeNull();
    expect(readServiceAccountKey(keyFile({ client_email: undefined }))).toBeNull();
  });
});

describe('the SMTP form with Sign in with OAuth2', () => {
  it('needs a provider', () => {
    expect(errorsFor({})).toEqual({ oauthProvider: 'required' });
  });

  it('for Microsoft 365 needs a tenant (id or domain) and a client id', () => {
    expect(errorsFor({ oauthProvider: 'microsoft' })).toEqual({
      oauthTenant: 'required',
      oauthClientId: 'required',
    });
    const app = {
      oauthProvider: 'microsoft',
      oauthClientId: '11111111-2222-3333-4444-555555555555',
    };
    expect(errorsFor({ ...app, oauthTenant: 'contoso.onmicrosoft.com' })).toEqual({});
    expect(errorsFor({ ...app, oauthTenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' })).toEqual({});
    expect(errorsFor({ ...app, oauthTenant: 'contoso/../evil' })).toEqual({
      oauthTenant: 'oauthTenant',
    });
    expect(
      errorsFor({
        ...app,
        oauthTenant: 'contoso.com',
        oauthAuthority: 'http://login.example.com',
      }),
    ).toEqual({ oauthAuthority: 'oauthUrlInsecure' });
  });

  it('for another provider needs a token URL it may send a secret to, and a client id', () => {
    expect(errorsFor({ oauthProvider: 'other' })).toEqual({
      oauthTokenUrl: 'required',
      oauthClientId: 'required',
    });
    expect(
      errorsFor({
        oauthProvider: 'other',
        oauthClientId: 'gatehouse',
        oauthTokenUrl: 'http://auth.example.com/token',
      }),
    ).toEqual({ oauthTokenUrl: 'oauthUrlInsecure' });
  });

  it('for Google takes a service account key, or none to keep the stored one', () => {
    expect(errorsFor({ oauthProvider: 'google' })).toEqual({});
    expect(errorsFor({ oauthProvider: 'google', oauthKeyJson: keyFile() })).toEqual({});
    expect(errorsFor({ oauthProvider: 'google', oauthKeyJson: '{"type":"x"}' })).toEqual({
      oauthKeyJson: 'oauthKeyJson',
    });
    expect(
      errorsFor({
        oauthProvider: 'google',
        oauthKeyJson: keyFile({ token_uri: 'http://tokens.example.com/token' }),
      }),
    ).toEqual({ oauthKeyJson: 'oauthUrlInsecure' });
  });

  it('ignores the OAuth2 fields with password sign-in or no authentication', () => {
    expect(errorsFor({ signIn: 'password', password: 'pw' })).toEqual({});
    expect(errorsFor({ auth: '', oauthProvider: 'other' })).toEqual({});
  });
});
