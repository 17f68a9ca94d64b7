import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingError, smtpVariables } from '@/lib/env';
import { environmentSmtp, environmentSmtpSwitch } from '@/lib/smtp/environment-smtp';
import { createTestServiceAccount } from '../support/service-account-key';
import { withEnvironment } from '../support/with-environment';

// SMTP from SMTP_* variables: whole and checked, or the start stops naming what is wrong.

const environment = withEnvironment(smtpVariables.flatMap((name) => [name, `${name}_FILE`]));
const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-smtp-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = {
  SMTP_HOST: 'Smtp.Example.COM',
  SMTP_PORT: '465',
  SMTP_SECURITY: 'ssl',
  SMTP_SENDER_NAME: 'Nordlicht Gateway',
  SMTP_SENDER_EMAIL: 'NoReply@Example.com',
};

function refusal(): string {
  try {
    environmentSmtp();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingError);
    return (error as Error).message;
  }
  throw new Error('the settings were taken');
}

describe('SMTP settings from the environment', () => {
  it('is not there when no SMTP_ variable is set, and SMTP_ENABLED alone only sets the switch', () => {
    environment({});
    expect(environmentSmtp()).toBeNull();
    expect(environmentSmtpSwitch()).toBeNull();
    environment({ SMTP_ENABLED: 'false' });
    expect(environmentSmtp()).toBeNull();
    expect(environmentSmtpSwitch()).toBe(false);
  });

  it('reads a whole configuration with a password from a secret file, on unless SMTP_ENABLED says', () => {
    const passwordFile = path.join(dir, 'smtp-password');
    writeFileSync(passwordFile, 'app password 7c40\n');
    environment({
      ...server,
      SMTP_USERNAME: 'mailer@example.com',
      SMTP_PASSWORD_FILE: passwordFile,
    });
    const smtp = environmentSmtp()!;
    expect(smtp.config).toEqual({
      host: 'smtp.example.com',
      port: 465,
      senderName: 'Nordlicht Gateway',
      senderEmail: 'noreply@example.com',
      ssl: true,
      starttls: false,
      auth: true,
      username: 'mailer@example.com',
      password: 'app password 7c40',
      caPem: null,
      oauth: null,
    });
    expect(smtp.enabled).toBe(true);
    expect(smtp.variables.password).toBe('SMTP_PASSWORD_FILE');
    expect(smtp.variables.host).toBe('SMTP_HOST');

    environment({ ...server, SMTP_SECURITY: 'none', SMTP_PORT: '25', SMTP_ENABLED: 'false' });
    const off = environmentSmtp()!;
    expect(off.enabled).toBe(false);
    expect(off.config).toMatchObject({ ssl: false, starttls: false, auth: false, password: null });
    expect(environmentSmtpSwitch()).toBe(false);
  });

  it('refuses a half-set configuration, naming every variable that is missing', () => {
    environment({ SMTP_HOST: 'smtp.example.com' });
    expect(refusal()).toBe(
      'the SMTP settings in the environment are incomplete: SMTP_PORT, SMTP_SECURITY, SMTP_SENDER_NAME and SMTP_SENDER_EMAIL are missing (set: SMTP_HOST). Set them, or unset every SMTP_ variable to configure SMTP in the console',
    );
    environment({ ...server, SMTP_USERNAME: 'mailer@example.com' });
    expect(refusal()).toMatch(/: SMTP_PASSWORD is missing \(set: .*SMTP_USERNAME\)\. Set it,/);
    environment({ ...server, SMTP_PASSWORD: 'secret' });
    expect(refusal()).toMatch(/: SMTP_USERNAME is missing/);
    environment({ ...server, SMTP_USERNAME: 'm@example.com', SMTP_OAUTH_PROVIDER: 'microsoft' });
    expect(refusal()).toMatch(
      /: SMTP_OAUTH_TENANT, SMTP_OAUTH_CLIENT_ID and SMTP_OAUTH_CLIENT_SECRET are missing/,
    );
    environment({ ...server, SMTP_USERNAME: 'm@example.com', SMTP_OAUTH_CLIENT_ID: 'app' });
    expect(refusal()).toMatch(/: SMTP_OAUTH_PROVIDER is missing/);
  });

  it('refuses values it cannot use, naming each variable and never quoting a secret', () => {
    environment({ ...server, SMTP_PORT: '70000', SMTP_SENDER_EMAIL: 'not an address' });
    expect(refusal()).toBe(
      'SMTP_PORT is not a port number from 1 to 65535; SMTP_SENDER_EMAIL is not an email address',
    );
    environment({ ...server, SMTP_SECURITY: 'tls' });
    expect(refusal()).toBe('SMTP_SECURITY must be ssl, starttls or none');
    environment({ ...server, SMTP_ENABLED: 'yes' });
    expect(refusal()).toBe('SMTP_ENABLED must be true or false');
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, 'not a certificate');
    environment({ ...server, SMTP_CA_PEM_FILE: caFile });
    expect(refusal()).toBe('SMTP_CA_PEM_FILE is not a PEM certificate');
    environment({
      ...server,
      SMTP_USERNAME: 'm@example.com',
      SMTP_OAUTH_PROVIDER: 'other',
      SMTP_OAUTH_CLIENT_ID: 'app',
      SMTP_OAUTH_CLIENT_SECRET: 'very-secret-value',
      SMTP_OAUTH_TOKEN_URL: 'http://tokens.example.com/token',
    });
    const message = refusal();
    expect(message).toBe('SMTP_OAUTH_TOKEN_URL must be https (http only to this machine)');
    expect(message).not.toContain('very-secret-value');
  });

  it('reads an OAuth2 configuration (Microsoft 365)', () => {
    environment({
      ...server,
      SMTP_PORT: '587',
      SMTP_SECURITY: 'starttls',
      SMTP_USERNAME: 'noreply@contoso.com',
      SMTP_OAUTH_PROVIDER: 'microsoft',
      SMTP_OAUTH_TENANT: 'contoso.onmicrosoft.com',
      SMTP_OAUTH_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      SMTP_OAUTH_CLIENT_SECRET: 'client-secret',
    });
    const smtp = environmentSmtp()!;
    expect(smtp.config.password).toBeNull();
    expect(smtp.config.oauth).toEqual({
      provider: 'microsoft',
      tenant: 'contoso.onmicrosoft.com',
      authority: null,
      clientId: '11111111-2222-3333-4444-555555555555',
      tokenUrl: null,
      scope: null,
      secret: 'client-secret',
      mailbox: 'noreply@contoso.com',
    });
  });

  it('reads a client secret and a Google key file from secret files, naming the _FILE variables', () => {
    const secretFile = path.join(dir, 'client-secret');
    writeFileSync(secretFile, 'other-client-secret\n');
    environment({
      ...server,
      SMTP_USERNAME: 'noreply@example.com',
      SMTP_OAUTH_PROVIDER: 'other',
      SMTP_OAUTH_CLIENT_ID: 'gatehouse',
      SMTP_OAUTH_CLIENT_SECRET_FILE: secretFile,
      SMTP_OAUTH_TOKEN_URL: 'https://login.example.com/oauth2/token',
      SMTP_OAUTH_SCOPE: 'smtp.send',
    });
    const other = environmentSmtp()!;
    expect(other.config.oauth).toMatchObject({
      provider: 'other',
      secret: 'other-client-secret',
      tokenUrl: 'https://login.example.com/oauth2/token',
      scope: 'smtp.send',
    });
    expect(other.variables.oauthClientSecret).toBe('SMTP_OAUTH_CLIENT_SECRET_FILE');

    const account = createTestServiceAccount();
    const keyFile = path.join(dir, 'service-account.json');
    writeFileSync(keyFile, account.keyJson('https://oauth2.googleapis.com/token'));
    environment({
      ...server,
      SMTP_USERNAME: 'noreply@example.com',
      SMTP_OAUTH_PROVIDER: 'google',
      SMTP_OAUTH_KEY_JSON_FILE: keyFile,
    });
    const google = environmentSmtp()!;
    expect(google.config.oauth).toMatchObject({
      provider: 'google',
      clientId: account.clientEmail,
      tokenUrl: 'https://oauth2.googleapis.com/token',
      secret: account.privateKeyPem,
      mailbox: 'noreply@example.com',
    });
    expect(google.variables.oauthKeyJson).toBe('SMTP_OAUTH_KEY_JSON_FILE');
  });
});
