import net from 'node:net';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { describe, expect, it } from 'vitest';
import {
  credentials,
  invitation,
  transportFor,
  withTestSmtpServers,
} from '@/tests/support/smtp-client';
import type { SmtpFault } from '@/tests/support/smtp-server';

// Proves the harness itself: each refusal and fault really happens on the wire, and what
// nodemailer reports for it is what the SMTP diagnosis will be built on.

const start = withTestSmtpServers();

describe('authentication and STARTTLS', () => {
  it('refuses a wrong password with 535', async () => {
    const server = await start({ mode: 'starttls', auth: credentials });

    const sending = transportFor(server, { auth: { ...credentials, pass: 'wrong' } }).sendMail(
      invitation,
    );

    await expect(sending).rejects.toMatchObject({
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      responseCode: 535,
    });
    expect(server.messages).toEqual([]);
  });

  it('refuses AUTH before STARTTLS with 538', async () => {
    const server = await start({ mode: 'starttls', auth: credentials });

    const sending = transportFor(server, { requireTLS: false, ignoreTLS: true }).sendMail(
      invitation,
    );

    await expect(sending).rejects.toMatchObject({
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      responseCode: 538,
      response: expect.stringContaining('Must issue a STARTTLS command first'),
    });
    expect(server.messages).toEqual([]);
  });

  it('refuses MAIL FROM before STARTTLS with 530', async () => {
    const server = await start({ mode: 'starttls' });

    const sending = transportFor(server, { requireTLS: false, ignoreTLS: true }).sendMail(
      invitation,
    );

    await expect(sending).rejects.toMatchObject({
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 530,
      response: '530 5.7.0 Must issue a STARTTLS command first',
    });
    expect(server.messages).toEqual([]);
  });

  it('refuses MAIL FROM without AUTH with 530 when auth is required', async () => {
    const server = await start({ mode: 'starttls', auth: credentials });

    const sending = transportFor(server, { auth: undefined }).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 530,
    });
    expect(server.messages).toEqual([]);
  });

  it('offers no STARTTLS in plain mode, so a client requiring TLS stops', async () => {
    const server = await start({ mode: 'plain', auth: credentials });

    const sending = transportFor(server, { requireTLS: true }).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'ETLS',
      command: 'STARTTLS',
      responseCode: 500,
    });
    expect(server.messages).toEqual([]);
  });
});

describe('faults on demand', () => {
  // What nodemailer reports for each fault: the table the SMTP diagnosis is built on.
  type Expected = Partial<Pick<SMTPConnection.SMTPError, 'responseCode' | 'response' | 'message'>>;
  const faults: [SmtpFault, Expected & { code: string; command: string; rejected?: string[] }][] = [
    ['wrong-credentials', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 }],
    [
      'sender-refused',
      {
        code: 'EENVELOPE',
        command: 'MAIL FROM',
        responseCode: 553,
        response: '553 5.7.1 Sender address rejected: not owned by user',
      },
    ],
    [
      'recipient-refused',
      {
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        response: '550 5.7.1 Relay access denied',
        rejected: ['ada@example.test'],
      },
    ],
    [
      'temporary',
      {
        code: 'EENVELOPE',
        command: 'MAIL FROM',
        responseCode: 451,
        response: '451 4.3.0 Temporary failure, try again later',
      },
    ],
    // No reply at all: nodemailer only sees the socket close.
    [
      'drop-connection',
      { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' },
    ],
    ['no-greeting', { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }],
    [
      'reject-after-data',
      {
        code: 'EMESSAGE',
        command: 'DATA',
        responseCode: 554,
        response: '554 5.6.0 Message refused by policy',
      },
    ],
  ];

  it.each(faults)('%s fails the send as nodemailer reports it', async (fault, expected) => {
    const server = await start({ mode: 'tls', auth: credentials, fault });

    const sending = transportFor(server, { greetingTimeout: 300 }).sendMail(invitation);

    const error = await sending.then(
      () => expect.fail('the send succeeded'),
      (reason: unknown) => reason as SMTPConnection.SMTPError,
    );
    expect(error).toMatchObject(expected);
    // Also proves the faults without a reply (dropped, never greeted) carry no SMTP code.
    expect(error.responseCode).toBe(expected.responseCode);
    expect(server.messages).toEqual([]);
  });

  it('switches a fault on and off between sends', async () => {
    const server = await start({ mode: 'starttls', auth: credentials });
    const transport = transportFor(server);

    await transport.sendMail(invitation);
    server.setFault('recipient-refused');
    await expect(transport.sendMail(invitation)).rejects.toMatchObject({ responseCode: 550 });
    server.setFault(null);
    await transport.sendMail(invitation);

    expect(server.messages).toHaveLength(2);
  });

  it('never greets a raw client and still closes at once', async () => {
    const server = await start({ mode: 'plain', fault: 'no-greeting' });
    const socket = net.connect(server.port, server.host);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // smtp-server waits 100 ms for early talkers before it would greet; wait past that.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const startedAt = Date.now();
    await server.close();
    await closed;

    expect(received).toBe('');
    expect(Date.now() - startedAt).toBeLessThan(500);
  });
});
