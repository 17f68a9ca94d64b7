import { describe, expect, it } from 'vitest';
import { storedSecretRefusal } from '@/lib/smtp/stored-oauth-secret-rule';

// A stored client secret or key is reused only toward the same token endpoint, client,
// mailbox and SMTP server (PRODUCT.md): otherwise the secret, or the token it buys, could be
// sent to a server of someone's choosing.

const saved = {
  host: 'smtp.office365.com',
  port: 587,
  ssl: false,
  starttls: true,
  username: 'noreply@nordlicht.example',
  caPem: null,
  signIn: 'oauth2' as const,
  oauthProvider: 'microsoft' as const,
  oauthTenant: 'nordlicht.example',
  oauthAuthority: null,
  oauthClientId: '11111111-2222-3333-4444-555555555555',
  oauthTokenUrl: null,
  oauthScope: null,
  hasOauthSecret: true,
};

const unchanged = {
  host: 'smtp.office365.com',
  port: '587',
  ssl: false,
  starttls: true,
  auth: true,
  signIn: 'oauth2' as const,
  username: 'noreply@nordlicht.example',
  oauthProvider: 'microsoft' as const,
  oauthTenant: 'Nordlicht.example',
  oauthClientId: '11111111-2222-3333-4444-555555555555',
  oauthClientSecret: '',
};

describe('the stored OAuth2 secret', () => {
  it('is reused for unchanged settings', () => {
    expect(storedSecretRefusal(unchanged, saved)).toBeNull();
  });

  it('is asked for again when anything it, or its token, would go to changes', () => {
    expect(storedSecretRefusal({ ...unchanged, oauthTenant: 'evil.example' }, saved)).toBe(
      'tenant',
    );
    expect(
      storedSecretRefusal({ ...unchanged, oauthAuthority: 'https://login.evil.example' }, saved),
    ).toBe('authority');
    expect(storedSecretRefusal({ ...unchanged, oauthClientId: 'other' }, saved)).toBe('clientId');
    expect(storedSecretRefusal({ ...unchanged, username: 'ceo@nordlicht.example' }, saved)).toBe(
      'username',
    );
    expect(storedSecretRefusal({ ...unchanged, host: 'smtp.evil.example' }, saved)).toBe('host');
    expect(storedSecretRefusal({ ...unchanged, port: '25' }, saved)).toBe('port');
    expect(storedSecretRefusal({ ...unchanged, starttls: false }, saved)).toBe('starttls');
    expect(storedSecretRefusal({ ...unchanged, oauthProvider: 'other' }, saved)).toBe('provider');
  });

  it('for another provider also follows the token URL and scope', () => {
    const other = { ...saved, oauthProvider: 'other' as const, oauthTenant: null };
    const form = {
      ...unchanged,
      oauthProvider: 'other' as const,
      oauthTenant: undefined,
      oauthTokenUrl: 'https://auth.example.com/token',
    };
    const savedOther = { ...other, oauthTokenUrl: 'https://auth.example.com/token' };
    expect(storedSecretRefusal(form, savedOther)).toBeNull();
    expect(
      storedSecretRefusal(
        { ...form, oauthTokenUrl: 'https://auth.evil.example/token' },
        savedOther,
      ),
    ).toBe('tokenUrl');
    expect(storedSecretRefusal({ ...form, oauthScope: 'mail.admin' }, savedOther)).toBe('scope');
  });

  it('is needed when none is stored, or the saved form signs in with a password', () => {
    expect(storedSecretRefusal(unchanged, null)).toBe('notStored');
    expect(storedSecretRefusal(unchanged, { ...saved, hasOauthSecret: false })).toBe('notStored');
    expect(storedSecretRefusal(unchanged, { ...saved, signIn: 'password' })).toBe('notStored');
  });

  it('is not asked for when one is typed, or the form signs in with a password', () => {
    expect(
      storedSecretRefusal({ ...unchanged, host: 'x', oauthClientSecret: 'typed' }, saved),
    ).toBeNull();
    expect(storedSecretRefusal({ ...unchanged, signIn: 'password' }, null)).toBeNull();
    expect(storedSecretRefusal({ ...unchanged, auth: false }, null)).toBeNull();
  });

  it('for Google: a blank key keeps the stored key, unless the mailbox or server changes', () => {
    const google = { ...saved, oauthProvider: 'google' as const, oauthTenant: null };
    const form = { ...unchanged, oauthProvider: 'google' as const, oauthKeyJson: '' };
    expect(storedSecretRefusal(form, google)).toBeNull();
    expect(storedSecretRefusal({ ...form, username: 'ceo@nordlicht.example' }, google)).toBe(
      'username',
    );
    expect(storedSecretRefusal({ ...form, oauthKeyJson: '{"typed":1}' }, null)).toBeNull();
  });
});
