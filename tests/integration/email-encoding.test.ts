import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/lib/mail/render-email';
import { createSmtpTransport } from '@/lib/smtp/create-transport';
import { fromAddress, type SmtpConfig } from '@/lib/smtp/smtp-config';
import { withTestSmtpServers } from '@/tests/support/smtp-client';
import type { TestSmtpServer } from '@/tests/support/smtp-server';

// What a mail client sees: rendered emails sent the way the app sends them (its transport, its
// From), read back by mailparser. Non-ASCII must survive, and nothing may add a header.

const start = withTestSmtpServers();
const link = 'https://console.nordlicht.test/invite/tok-äöü?lang=de&ref=mail';

function configFor(server: TestSmtpServer, senderName: string): SmtpConfig {
  return {
    host: server.host,
    port: server.port,
    senderName,
    senderEmail: 'noreply@nordlicht.test',
    ssl: false,
    starttls: false,
    auth: false,
    username: null,
    password: null,
    caPem: null,
  };
}

async function send(server: TestSmtpServer, senderName: string, hostName: string) {
  const config = configFor(server, senderName);
  const email = await renderEmail(
    'invitation',
    {
      kind: 'accountAdmin',
      accountName: 'Bäckerei Sonnenschein',
      hostName,
      email: 'ada@example.test',
      invitedBy: 'admin@nordlicht.test',
      link,
      expiresAt: new Date('2026-03-05T14:00:00Z'),
    },
    'de',
  );
  const transport = createSmtpTransport(config);
  try {
    await transport.sendMail({ from: fromAddress(config), to: 'ada@example.test', ...email });
  } finally {
    transport.close();
  }
  return { email, received: await server.waitForMessage() };
}

describe('rendered emails on the wire', () => {
  it.each([
    ['Jürgen Müller', 'Nordlicht Médias'],
    ['王小明', '北极光媒体'],
    ['Müller "The Boss", Ltd.', 'Straße & Söhne <GmbH>'],
  ])('keeps the sender %j and the host %j intact', async (senderName, hostName) => {
    const server = await start({ mode: 'plain' });
    const { email, received } = await send(server, senderName, hostName);

    expect(received.parsed.from?.value).toEqual([
      { name: senderName, address: 'noreply@nordlicht.test' },
    ]);
    expect(received.parsed.subject).toBe(email.subject);
    expect(received.parsed.subject).toContain(hostName);
    expect(received.parsed.text).toContain(hostName);
    expect(received.parsed.html).toContain('Bäckerei Sonnenschein');
    expect(received.links).toEqual([link]);
    // Encoded words and transfer encodings: the raw message itself is plain ASCII.
    expect(received.raw).toMatch(/^[\x00-\x7f]*$/);
  });

  it('adds no header and no recipient when a name carries a line break', async () => {
    const server = await start({ mode: 'plain' });
    const injected = 'Nordlicht\r\nBcc: victim@evil.test\r\nX-Injected: yes';
    const { received } = await send(server, injected, injected);

    expect(received.envelope.rcptTo).toEqual(['ada@example.test']);
    expect(received.parsed.headers.has('bcc')).toBe(false);
    expect(received.parsed.headers.has('x-injected')).toBe(false);
    expect(received.parsed.from?.value).toEqual([
      {
        name: 'Nordlicht Bcc: victim@evil.test X-Injected: yes',
        address: 'noreply@nordlicht.test',
      },
    ]);
    expect(received.parsed.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses a sender address that would smuggle in a header', async () => {
    const server = await start({ mode: 'plain' });
    const config = { ...configFor(server, 'Nordlicht'), senderEmail: 'a@b.test\r\nBcc: v@e.test' };
    expect(() => fromAddress(config)).toThrow(/Not a plain email address/);
  });
});
