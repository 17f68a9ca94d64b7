import { describe, expect, it } from 'vitest';
import {
  credentials,
  invitation,
  inviteUrl,
  settingsUrl,
  transportFor,
  withTestSmtpServers,
} from '@/tests/support/smtp-client';
import type { SmtpMode } from '@/tests/support/smtp-server';

// Proves the harness itself: each mode really delivers on the wire, and what arrives is
// parsed the way the mail tests will read it.

const start = withTestSmtpServers();

describe('delivery in each mode', () => {
  it.each<SmtpMode>(['tls', 'starttls', 'plain'])(
    'delivers an authenticated message over %s',
    async (mode) => {
      const server = await start({ mode, auth: credentials });

      const info = await transportFor(server).sendMail(invitation);

      expect(info.accepted).toEqual(['ada@example.test']);
      const message = await server.waitForMessage();
      expect(server.messages).toHaveLength(1);
      expect(message.secure).toBe(mode !== 'plain');
      expect(message.user).toBe(credentials.user);
      expect(message.envelope).toEqual({
        mailFrom: 'noreply@gatehouse.test',
        rcptTo: ['ada@example.test'],
      });
      expect(message.parsed.from?.value).toEqual([
        { address: 'noreply@gatehouse.test', name: 'Gatehouse' },
      ]);
      const to = Array.isArray(message.parsed.to) ? message.parsed.to[0] : message.parsed.to;
      expect(to?.value).toEqual([{ address: 'ada@example.test', name: 'Ada Lovelace' }]);
      expect(message.parsed.subject).toBe('You are invited to Gatehouse');
      expect(message.parsed.text).toContain(inviteUrl);
      expect(message.parsed.html).toContain('>Accept</a>');
      expect(message.links).toEqual([inviteUrl, settingsUrl]);
    },
  );

  it('delivers without credentials to a server that asks for none', async () => {
    const server = await start({ mode: 'plain' });

    await transportFor(server).sendMail(invitation);

    const message = await server.waitForMessage((m) => m.parsed.subject === invitation.subject);
    expect(message.user).toBeUndefined();
  });

  it('accepts AUTH LOGIN as well as PLAIN', async () => {
    const server = await start({ mode: 'starttls', auth: credentials });

    await transportFor(server, { authMethod: 'LOGIN' }).sendMail(invitation);

    expect(server.messages.map((m) => m.user)).toEqual([credentials.user]);
  });
});

describe('waitForMessage', () => {
  it('resolves with a message that arrives after the call', async () => {
    const server = await start({ mode: 'plain' });
    const waiting = server.waitForMessage((m) => m.envelope.rcptTo.includes('bob@example.test'));

    await transportFor(server).sendMail(invitation);
    await transportFor(server).sendMail({ ...invitation, to: 'bob@example.test' });

    expect((await waiting).parsed.to).toMatchObject({ text: 'bob@example.test' });
  });

  it('rejects when nothing matching arrives in time', async () => {
    const server = await start({ mode: 'plain' });

    await expect(server.waitForMessage(undefined, 50)).rejects.toThrow(
      'No matching message within 50 ms (0 received)',
    );
  });
});
