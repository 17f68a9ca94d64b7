import { describe, expect, it } from 'vitest';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { createTestCertificates } from '../support/certificates';

const valid = {
  host: 'smtp.example.com',
  port: '587',
  senderName: 'Nordlicht Media',
  senderEmail: 'noreply@nordlicht.example',
  starttls: 'on',
  auth: 'on',
  username: 'mailer@nordlicht.example',
  password: 'app password',
};

function errorsFor(values: Record<string, string>) {
  const result = smtpFormSchema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
}

describe('smtpFormSchema', () => {
  it('accepts a typical configuration, host names and IP addresses', () => {
    expect(errorsFor({})).toEqual({});
    expect(errorsFor({ host: '192.0.2.10' })).toEqual({});
    expect(errorsFor({ host: 'SMTP.Example.COM' })).toEqual({});
    expect(smtpFormSchema.parse({ ...valid, host: 'SMTP.Example.COM' }).host).toBe(
      'smtp.example.com',
    );
  });

  it.each([
    [{ host: 'smtp example.com' }, 'host', 'smtpHost'],
    [{ host: 'smtps://smtp.example.com' }, 'host', 'smtpHost'],
    [{ host: 'smtp.example.com:587' }, 'host', 'smtpHost'],
    [{ host: '' }, 'host', 'required'],
    [{ port: '0' }, 'port', 'smtpPort'],
    [{ port: '70000' }, 'port', 'smtpPort'],
    [{ port: 'abc' }, 'port', 'smtpPort'],
    [
      { senderEmail: 'noreply@nordlicht.example\r\nBcc: victim@example.com' },
      'senderEmail',
      'lineBreak',
    ],
    [{ senderName: 'Nordlicht\nBcc: x@example.com' }, 'senderName', 'lineBreak'],
    [{ senderName: 'x'.repeat(10_000) }, 'senderName', 'tooLong'],
    [{ password: 'x'.repeat(10_000) }, 'password', 'tooLong'],
    [{ ssl: 'on', starttls: 'on' }, 'starttls', 'smtpSslAndStarttls'],
    [{ username: '' }, 'username', 'required'],
    [
      { caPem: '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----' },
      'caPem',
      'smtpCaPem',
    ],
  ])('refuses %j on %s', (values, field, message) => {
    expect(errorsFor(values as Record<string, string>)[field]).toBe(message);
  });

  it('accepts a real CA certificate', () => {
    expect(errorsFor({ caPem: createTestCertificates().caPem })).toEqual({});
  });
});
