import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';
import { sendTestEmail, type SmtpTestReport } from '@/lib/smtp/send-test-email';
import { createTestCertificates, type TestCertificateOptions } from '../support/certificates';
import { freePort } from '../support/free-port';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { SmtpFault, TestSmtpServer } from '../support/smtp-server';

// The test email against a real SMTP server: delivery in each mode, and a diagnosis of its own
// for every failing step, each caused by a real fault of the server.

const start = withTestSmtpServers();
const message = { subject: 'Gatehouse test', text: 'It works.', html: '<p>It works.</p>' };
const limits = {
  boundMs: 4000,
  timeouts: { connectionMs: 1500, greetingMs: 1000, socketMs: 1500 },
};

function configFor(server: TestSmtpServer, overrides: Partial<SmtpConfig> = {}): SmtpConfig {
  return {
    host: server.host,
    port: server.port,
    senderName: 'Nordlicht Media',
    senderEmail: 'noreply@nordlicht.test',
    ssl: server.mode === 'tls',
    starttls: server.mode === 'starttls',
    auth: true,
    username: credentials.user,
    password: credentials.pass,
    caPem: server.caPem,
    ...overrides,
  };
}

async function failing(report: Promise<SmtpTestReport>) {
  const result = await report;
  if (result.ok) throw new Error('expected the test email to fail');
  return result;
}

describe('delivery', () => {
  it.each(['tls', 'starttls'] as const)('arrives over %s with AUTH, with details', async (mode) => {
    const server = await start({ mode, auth: credentials });
    const report = await sendTestEmail({
      config: configFor(server),
      to: 'admin@nordlicht.test',
      message,
      limits,
    });
    expect(report).toMatchObject({ ok: true, recipient: 'admin@nordlicht.test' });
    if (!report.ok) return;
    expect(report.response).toMatch(/^250 /);
    expect(report.messageId).toMatch(/^<.+>$/);

    const received = await server.waitForMessage();
    expect(received.parsed.from?.value).toEqual([
      { name: 'Nordlicht Media', address: 'noreply@nordlicht.test' },
    ]);
    expect(received.envelope.rcptTo).toEqual(['admin@nordlicht.test']);
    expect(received.secure).toBe(true);

    const { tls, conversation } = report.details;
    expect(tls?.certificate?.issuer).toContain('CN=');
    expect(tls?.certificate?.names).toContain('127.0.0.1');
    if (mode === 'tls') expect(tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    const transcript = conversation.map((line) => line.text).join('\n');
    expect(transcript).toMatch(/^250/m);
    expect(transcript).toContain('AUTH PLAIN');
    expect(transcript).not.toContain(credentials.pass);
    expect(transcript).not.toContain(
      Buffer.from(`\0${credentials.user}\0${credentials.pass}`).toString('base64'),
    );
  });

  it('arrives over a plain connection without AUTH', async () => {
    const server = await start({ mode: 'plain' });
    const report = await sendTestEmail({
      config: configFor(server, { auth: false, username: null, password: null, caPem: null }),
      to: 'admin@nordlicht.test',
      message,
      limits,
    });
    expect(report.ok).toBe(true);
    expect(report.details.tls).toBeNull();
  });
});

describe('diagnosis of each failing step', () => {
  it('name lookup: a host that does not exist', async () => {
    const server = await start({ mode: 'tls', auth: credentials });
    const { diagnosis } = await failing(
      sendTestEmail({
        config: configFor(server, { host: 'mail.gatehouse.invalid' }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(diagnosis).toMatchObject({
      step: 'lookup',
      advice: 'lookupFailed',
      values: { host: 'mail.gatehouse.invalid' },
    });
  });

  it('TCP connection: nothing listens on the port', async () => {
    const server = await start({ mode: 'tls', auth: credentials });
    const port = await freePort();
    for (const ssl of [true, false]) {
      const { diagnosis } = await failing(
        sendTestEmail({
          config: configFor(server, { port, ssl, starttls: !ssl }),
          to: 'a@b.test',
          message,
          limits,
        }),
      );
      expect(diagnosis).toMatchObject({
        step: 'connect',
        advice: 'connectionRefused',
        code: 'ECONNREFUSED',
      });
    }
  });

  it('TLS handshake: SSL on against a port that does not speak it', async () => {
    const server = await start({ mode: 'plain', auth: credentials });
    const { diagnosis } = await failing(
      sendTestEmail({ config: configFor(server, { ssl: true }), to: 'a@b.test', message, limits }),
    );
    expect(diagnosis).toMatchObject({ step: 'tls', advice: 'notAnSslPort' });
  });

  it('greeting: SSL off against an implicit-TLS port', async () => {
    const server = await start({ mode: 'tls', auth: credentials });
    const { diagnosis } = await failing(
      sendTestEmail({
        config: configFor(server, { ssl: false, starttls: false }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(diagnosis).toMatchObject({ step: 'greeting', advice: 'noGreetingExpectsSsl' });
  });

  it.each([
    ['untrusted', {}, 'certificateUntrusted', { caPem: null }],
    ['expired', { expired: true }, 'certificateExpired', {}],
    ['for other names', { names: ['mail.elsewhere.test'] }, 'certificateNameMismatch', {}],
  ] as const)('certificate: %s', async (_label, certificateOptions, advice, overrides) => {
    for (const mode of ['tls', 'starttls'] as const) {
      const certificates = createTestCertificates({
        ...certificateOptions,
      } as TestCertificateOptions);
      const server = await start({ mode, auth: credentials, certificates });
      const { diagnosis } = await failing(
        sendTestEmail({ config: configFor(server, overrides), to: 'a@b.test', message, limits }),
      );
      expect(diagnosis).toMatchObject({ step: 'certificate', advice });
      if (advice === 'certificateNameMismatch')
        expect(diagnosis.values.names).toBe('mail.elsewhere.test');
    }
  });

  it('STARTTLS: required but not offered', async () => {
    const server = await start({ mode: 'plain', auth: credentials });
    const { diagnosis } = await failing(
      sendTestEmail({
        config: configFor(server, { starttls: true }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(diagnosis).toMatchObject({ step: 'starttls', advice: 'starttlsNotOffered' });
  });

  it('authentication: before STARTTLS, rejected, and missing', async () => {
    const submission = await start({ mode: 'starttls', auth: credentials });
    const early = await failing(
      sendTestEmail({
        config: configFor(submission, { starttls: false }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(early.diagnosis).toMatchObject({
      step: 'auth',
      advice: 'authNeedsEncryption',
      code: '538',
    });

    const wrong = await failing(
      sendTestEmail({
        config: configFor(submission, { password: 'not the password' }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(wrong.diagnosis).toMatchObject({ step: 'auth', advice: 'authRejected', code: '535' });
    expect(wrong.diagnosis.serverReply).toContain('535');

    const missing = await failing(
      sendTestEmail({
        config: configFor(submission, { auth: false }),
        to: 'a@b.test',
        message,
        limits,
      }),
    );
    expect(missing.diagnosis).toMatchObject({ step: 'auth', advice: 'authRequired', code: '530' });
  });

  it.each([
    ['sender-refused', 'sender', 'senderRefused', '553'],
    ['temporary', 'sender', 'temporaryRefusal', '451'],
    ['recipient-refused', 'recipient', 'relayDenied', '550'],
    ['reject-after-data', 'message', 'messageRefused', '554'],
    ['drop-connection', 'connect', 'connectionClosed', undefined],
    ['stall-at-mail-from', 'timeout', 'noReply', undefined],
  ] as const)('server fault %s → %s', async (fault: SmtpFault, step, advice, code) => {
    const server = await start({ mode: 'tls', auth: credentials, fault });
    const report = await failing(
      sendTestEmail({ config: configFor(server), to: 'someone@elsewhere.test', message, limits }),
    );
    const { diagnosis } = report;
    expect(diagnosis).toMatchObject({ step, advice });
    if (code) {
      expect(diagnosis.code).toBe(code);
      expect(diagnosis.serverReply).toContain(code);
    }
    if (fault === 'stall-at-mail-from') {
      expect(diagnosis.values.command).toMatch(/^MAIL FROM/);
    }
    expect(server.messages).toEqual([]);
  });

  it('names the greeting when a server closes the connection before greeting', async () => {
    const closer = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closer.listen(0, '127.0.0.1', resolve));
    const { port } = closer.address() as net.AddressInfo;
    try {
      for (const ssl of [false, true]) {
        const { diagnosis } = await failing(
          sendTestEmail({
            config: {
              ...configFor({ host: '127.0.0.1', port, mode: 'plain', caPem: '' } as TestSmtpServer),
              ssl,
            },
            to: 'a@b.test',
            message,
            limits,
          }),
        );
        expect(diagnosis).toMatchObject({
          step: 'greeting',
          advice: ssl ? 'closedBeforeGreeting' : 'noGreetingExpectsSsl',
        });
      }
    } finally {
      closer.close();
    }
  });

  it('stops at the bound when the server never greets', async () => {
    const server = await start({ mode: 'tls', auth: credentials, fault: 'no-greeting' });
    const started = Date.now();
    const { diagnosis } = await failing(
      sendTestEmail({ config: configFor(server), to: 'a@b.test', message, limits }),
    );
    expect(Date.now() - started).toBeLessThan(limits.boundMs + 500);
    expect(diagnosis).toMatchObject({ step: 'greeting', advice: 'noGreeting' });
  });
});
