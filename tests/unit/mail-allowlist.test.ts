import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activeMailAllowlist,
  allowsRecipient,
  mailAllowlistFrom,
  parseMailAllowlist,
  type MailAllowlist,
} from '@/lib/mail/allowlist';
import { accessLinksIn } from '@/lib/outbox/email-links';
import { withEnvironment } from '../support/with-environment';
import { log } from '@/lib/log/logger';

const withEnv = withEnvironment(['MAIL_ALLOWLIST', 'VERCEL_ENV']);

afterEach(() => {
  vi.restoreAllMocks();
});

const list = (entries: string[]): MailAllowlist => ({ entries, invalid: [], reason: 'setting' });

describe('parseMailAllowlist', () => {
  it('splits on commas, spaces and line breaks, lower-cases and drops repeats', () => {
    expect(
      parseMailAllowlist(' Ada@Example.com,*@Nordlicht.TEST\n  bob@example.com ,, ada@example.com'),
    ).toEqual({
      entries: ['ada@example.com', '*@nordlicht.test', 'bob@example.com'],
      invalid: [],
    });
  });

  it('sets aside what is neither an address nor *@domain', () => {
    expect(
      parseMailAllowlist('example.com *@ * @example.com *@*.example.com a*b@example.com ok@x.io'),
    ).toEqual({
      entries: ['ok@x.io'],
      invalid: ['example.com', '*@', '*', '@example.com', '*@*.example.com', 'a*b@example.com'],
    });
  });

  it('reads nothing from a blank value', () => {
    expect(parseMailAllowlist(' \n , ')).toEqual({ entries: [], invalid: [] });
  });
});

describe('allowsRecipient', () => {
  const allowlist = list(['ada@example.com', '*@nordlicht.test']);

  it('allows exact addresses in any case', () => {
    expect(allowsRecipient(allowlist, 'ada@example.com')).toBe(true);
    expect(allowsRecipient(allowlist, ' ADA@Example.COM ')).toBe(true);
    expect(allowsRecipient(allowlist, 'bob@example.com')).toBe(false);
    expect(allowsRecipient(allowlist, 'ada@example.com.evil.test')).toBe(false);
    expect(allowsRecipient(allowlist, 'xada@example.com')).toBe(false);
  });

  it('allows any address at a *@domain, but not its subdomains or look-alikes', () => {
    expect(allowsRecipient(allowlist, 'anyone@nordlicht.test')).toBe(true);
    expect(allowsRecipient(allowlist, 'Someone@NORDLICHT.test')).toBe(true);
    expect(allowsRecipient(allowlist, 'a@mail.nordlicht.test')).toBe(false);
    expect(allowsRecipient(allowlist, 'a@evilnordlicht.test')).toBe(false);
    expect(allowsRecipient(allowlist, 'nordlicht.test')).toBe(false);
  });

  it('allows everyone without an allow-list, and nobody with an empty one', () => {
    expect(allowsRecipient(null, 'anyone@anywhere.test')).toBe(true);
    expect(allowsRecipient(list([]), 'ada@example.com')).toBe(false);
  });
});

describe('mailAllowlistFrom', () => {
  it('applies none without MAIL_ALLOWLIST outside a preview', () => {
    expect(mailAllowlistFrom({ setting: undefined, preview: false })).toBeNull();
  });

  it('applies an empty one on a preview without MAIL_ALLOWLIST: nobody is emailed', () => {
    expect(mailAllowlistFrom({ setting: undefined, preview: true })).toEqual({
      entries: [],
      invalid: [],
      reason: 'preview',
    });
  });

  it('applies MAIL_ALLOWLIST, saying whether a preview asks for it too', () => {
    expect(mailAllowlistFrom({ setting: 'a@b.test', preview: false })).toEqual({
      entries: ['a@b.test'],
      invalid: [],
      reason: 'setting',
    });
    expect(mailAllowlistFrom({ setting: 'a@b.test', preview: true })?.reason).toBe(
      'preview-and-setting',
    );
  });
});

describe('activeMailAllowlist', () => {
  it('reads MAIL_ALLOWLIST and VERCEL_ENV from the environment on each call', () => {
    withEnv({});
    expect(activeMailAllowlist()).toBeNull();
    withEnv({ MAIL_ALLOWLIST: '   ' });
    expect(activeMailAllowlist()).toBeNull();
    withEnv({ VERCEL_ENV: 'production' });
    expect(activeMailAllowlist()).toBeNull();
    withEnv({ VERCEL_ENV: 'preview' });
    expect(activeMailAllowlist()).toEqual({ entries: [], invalid: [], reason: 'preview' });
    withEnv({ MAIL_ALLOWLIST: '*@nordlicht.test' });
    expect(activeMailAllowlist()).toMatchObject({ entries: ['*@nordlicht.test'] });
  });

  it('warns once about entries it ignores', () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    withEnv({ MAIL_ALLOWLIST: 'ok@x.test, nordlicht.test' });
    expect(activeMailAllowlist()?.invalid).toEqual(['nordlicht.test']);
    expect(activeMailAllowlist()?.invalid).toEqual(['nordlicht.test']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('"nordlicht.test"');
    expect(warn.mock.calls[0]![0]).toContain('*@example.com');
  });
});

describe('accessLinksIn', () => {
  it('finds invitation and reset links once each, and nothing else', () => {
    const text = [
      'Accept the invitation [https://console.example/invite/abc_DEF-123]',
      'or paste: https://console.example/invite/abc_DEF-123',
      'Reset: https://console.example/reset/xyz.',
      'Help: https://console.example/help/invite/nope and https://console.example/invite/a/b',
      'Sign in: http://localhost:3000/sign-in',
    ].join('\n');
    expect(accessLinksIn(text)).toEqual([
      'https://console.example/invite/abc_DEF-123',
      'https://console.example/reset/xyz',
    ]);
  });
});
