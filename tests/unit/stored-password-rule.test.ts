import { describe, expect, it } from 'vitest';
import { storedPasswordRefusal } from '@/lib/smtp/stored-password-rule';
import { createTestCertificates } from '../support/certificates';

// The stored SMTP password goes only to the server it was saved for (PRODUCT.md, SMTP
// configuration): any change of where or how it is sent asks for it again.

const caPem = createTestCertificates().caPem;

// Where the password was saved for.
const server = {
  host: 'smtp.example.com',
  port: 587,
  ssl: false,
  starttls: true,
  username: 'mailer@nordlicht.example',
  caPem,
};
const saved = { ...server, hasPassword: true };

// The form as Save and Send test email receive it: blank password, same server.
const unchanged = { ...server, auth: true, password: '' };

describe('the stored SMTP password', () => {
  it('is reused for the unchanged server', () => {
    expect(storedPasswordRefusal(unchanged, saved)).toBeNull();
  });

  it('is reused when the form differs only as saving would normalise it', () => {
    const asTyped = {
      ...unchanged,
      host: ' SMTP.Example.com ',
      port: '587',
      username: ' mailer@nordlicht.example ',
      // Browsers submit a textarea's line breaks as CRLF.
      caPem: `\n${caPem.replace(/\n/g, '\r\n')}  `,
    };
    expect(storedPasswordRefusal(asTyped, saved)).toBeNull();
  });

  it.each([
    ['host', { host: 'smtp.attacker.example' }],
    ['port', { port: 25 }],
    ['ssl', { ssl: true, starttls: false }],
    ['starttls', { starttls: false }],
    ['username', { username: 'someone-else' }],
    ['caPem', { caPem: null }],
    ['caPem', { caPem: createTestCertificates({ names: ['other.example'] }).certPem }],
  ] as const)('is asked for again when the %s changes', (field, change) => {
    const form = { ...unchanged, ...change };
    expect(storedPasswordRefusal(form, saved)).toBe(field);
  });

  it('is asked for again when a CA is added to a configuration saved without one', () => {
    const withoutCa = { ...saved, caPem: null };
    expect(storedPasswordRefusal({ ...unchanged, caPem: null }, withoutCa)).toBeNull();
    expect(storedPasswordRefusal(unchanged, withoutCa)).toBe('caPem');
  });

  it('is asked for when none is stored, and not at all when typed or without authentication', () => {
    expect(storedPasswordRefusal(unchanged, { ...saved, hasPassword: false })).toBe('notStored');
    expect(storedPasswordRefusal(unchanged, null)).toBe('notStored');
    const elsewhere = { ...unchanged, host: 'smtp.attacker.example', port: 2525 };
    expect(storedPasswordRefusal({ ...elsewhere, password: 'typed again' }, saved)).toBeNull();
    expect(storedPasswordRefusal({ ...elsewhere, auth: false }, saved)).toBeNull();
  });
});
