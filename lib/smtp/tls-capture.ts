import 'server-only';
import tls from 'node:tls';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { ConversationLine } from './conversation-recorder';
import { tlsOptionsFor } from './create-transport';
import type { SmtpConfig } from './smtp-config';
import { describeCertificate, describeTlsSocket, type TlsDetails } from './tls-details';

/**
 * What the test email's "Show details" says of TLS: protocol, cipher and certificate, read
 * while nodemailer connects. Hand `getSocket` and `checkServerIdentity` to the transport, then
 * read `details()`.
 *
 * Implicit TLS: we open the TLS socket ourselves to read its version, cipher and certificate,
 * then hand it to nodemailer as already secured. For STARTTLS nodemailer upgrades the socket
 * itself; the certificate check still passes through here.
 */
export function captureTls(
  config: SmtpConfig,
  connectionTimeoutMs: number,
  recorder: { lines: ConversationLine[] },
) {
  let details: TlsDetails | null = null;
  const tlsOptions: tls.ConnectionOptions = tlsOptionsFor(config);

  const checkServerIdentity = (host: string, cert: tls.PeerCertificate) => {
    details = {
      protocol: null,
      cipher: null,
      ...details,
      certificate: describeCertificate(cert),
    };
    return tls.checkServerIdentity(host, cert);
  };

  const getSocket: SMTPTransport.Options['getSocket'] = (_options, callback) => {
    if (!config.ssl) return callback(null, false as never);
    const socket = tls.connect({
      ...tlsOptions,
      host: config.host,
      port: config.port,
      checkServerIdentity,
    });
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }));
    }, connectionTimeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const described = describeTlsSocket(socket);
      details = described;
      recorder.lines.push({
        atMs: 0,
        from: 'note',
        text: `TLS ${described.protocol} ${described.cipher}`,
      });
      callback(null, { connection: socket, secured: true } as never);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      callback(error);
    });
  };

  return { getSocket, checkServerIdentity, details: () => details };
}
