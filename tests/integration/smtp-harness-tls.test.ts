import { describe, expect, it } from 'vitest';
import { createTestCertificates } from '@/tests/support/certificates';
import { invitation, transportFor, withTestSmtpServers } from '@/tests/support/smtp-client';

// Proves the harness itself: the certificate is really checked on the wire, and what
// nodemailer reports for each TLS mistake is what the SMTP diagnosis will be built on.

const start = withTestSmtpServers();

describe('TLS is really checked', () => {
  it('fails when the client does not trust the test CA', async () => {
    const server = await start({ mode: 'tls' });

    const sending = transportFor(server, { tls: { ca: undefined } }).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'ESOCKET',
      command: 'CONN',
      originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(server.messages).toEqual([]);
  });

  it('fails on a certificate for other names', async () => {
    const certificates = createTestCertificates({ names: ['mail.other.test'] });
    const server = await start({ mode: 'tls', certificates });

    const sending = transportFor(server).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'ESOCKET',
      originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('fails on an expired certificate', async () => {
    const server = await start({
      mode: 'starttls',
      certificates: createTestCertificates({ expired: true }),
    });

    const sending = transportFor(server).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'ESOCKET',
      originalCode: 'CERT_HAS_EXPIRED',
    });
  });

  it('fails with a TLS error when implicit TLS meets the plain server', async () => {
    const server = await start({ mode: 'plain' });

    const sending = transportFor(server, { secure: true }).sendMail(invitation);

    await expect(sending).rejects.toMatchObject({
      code: 'ESOCKET',
      command: 'CONN',
      originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
    });
  });

  // The reverse mistake looks like a silent server: the TLS port waits for a ClientHello.
  it('times out on the greeting when a cleartext client meets the TLS server', async () => {
    const server = await start({ mode: 'tls' });

    const sending = transportFor(server, { secure: false, greetingTimeout: 300 }).sendMail(
      invitation,
    );

    await expect(sending).rejects.toMatchObject({ code: 'ETIMEDOUT', command: 'CONN' });
  });
});
