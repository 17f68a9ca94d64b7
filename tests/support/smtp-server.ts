import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import { createTestCertificates, type TestCertificates } from './certificates';
import { receivedMessage, type ReceivedMessage } from './received-message';

/** tls: implicit TLS (465-style); starttls: STARTTLS required (587-style); plain: no TLS at all. */
export type SmtpMode = 'tls' | 'starttls' | 'plain';

export type SmtpFault =
  | 'wrong-credentials'
  | 'sender-refused'
  | 'recipient-refused'
  | 'temporary'
  | 'drop-connection'
  | 'no-greeting'
  | 'stall-at-mail-from'
  | 'reject-after-data'
  /** Microsoft 365 with SMTP AUTH's password sign-in turned off: 550 5.7.30 to PLAIN/LOGIN. */
  | 'basic-auth-disabled'
  /** Google refusing an account password where it wants an app password: 534 5.7.9. */
  | 'app-password-required';

export interface SmtpCredentials {
  user: string;
  pass: string;
}

export interface TestSmtpServerOptions {
  mode: SmtpMode;
  /** When given, AUTH PLAIN/LOGIN with these credentials is required before MAIL FROM. */
  auth?: SmtpCredentials;
  /** Defaults to a certificate for localhost/127.0.0.1; pass another set for name or date faults. */
  certificates?: TestCertificates;
  fault?: SmtpFault | null;
  /**
   * When given, AUTH XOAUTH2 is offered and a token is accepted when `accepts` says so. A
   * refused token is answered as Gmail does (a 334 challenge with a JSON error, then a two-line
   * 535 5.7.8 after the client's empty line) or as Exchange Online does (535 5.7.3 at once).
   */
  oauth?: { accepts(token: string, mailbox: string): boolean; refusal: 'google' | 'microsoft' };
  /** A fixed port, to restart a stopped server where clients expect it; default: a free one. */
  port?: number;
}

export interface TestSmtpServer {
  host: '127.0.0.1';
  port: number;
  mode: SmtpMode;
  /** The CA that signed the server certificate: what a client passes as `tls.ca`. */
  caPem: string;
  auth: SmtpCredentials | undefined;
  messages: ReceivedMessage[];
  /** Every AUTH attempt, right or wrong: what a client sent this server as its credentials. */
  logins: SmtpCredentials[];
  /** Every XOAUTH2 attempt: the mailbox, the token offered, and whether it was taken. */
  oauthLogins: { user: string; token: string; accepted: boolean }[];
  /** Errors the server emitted (failed TLS handshakes, reset sockets); recorded, never thrown. */
  errors: Error[];
  setFault(fault: SmtpFault | null): void;
  waitForMessage(
    predicate?: (message: ReceivedMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

// smtp-server hides ENHANCEDSTATUSCODES by default, so the enhanced code is part of the text,
// the way Postfix words these replies.
function reply(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

// A multi-line reply, as Gmail words its refusals. smtp-server replaces line breaks in a reply
// text, but hands `message` to its send(), which writes an array as one multi-line reply
// (checked against 3.21), so the lines travel as the message.
function multiLineReply(responseCode: number, lines: string[]): SMTPServerError {
  return Object.assign(new Error(lines.join(' ')), {
    responseCode,
    message: lines as unknown as string,
  });
}

// Gmail's answer to the client's empty line after its XOAUTH2 challenge. smtp-server's own is
// '535 Error: Username and Password not accepted'.
const gmailBadCredentials = [
  '5.7.8 Username and Password not accepted. For more information, go to',
  '5.7.8  https://support.google.com/mail/?p=BadCredentials',
];

export async function startTestSmtpServer(options: TestSmtpServerOptions): Promise<TestSmtpServer> {
  const { mode, auth, oauth } = options;
  const signIn = Boolean(auth || oauth);
  const certificates = options.certificates ?? createTestCertificates();
  let fault = options.fault ?? null;
  const messages: ReceivedMessage[] = [];
  const logins: SmtpCredentials[] = [];
  const oauthLogins: TestSmtpServer['oauthLogins'] = [];
  const errors: Error[] = [];
  const waiters = new Set<(message: ReceivedMessage) => void>();

  const server = new SMTPServer({
    secure: mode === 'tls',
    ...(mode === 'plain' ? {} : { key: certificates.keyPem, cert: certificates.certPem }),
    name: 'localhost',
    // No AUTH offered without credentials, so an unauthenticated server is a real open one.
    disabledCommands: [...(mode === 'plain' ? ['STARTTLS'] : []), ...(signIn ? [] : ['AUTH'])],
    authMethods: [...(auth ? ['PLAIN', 'LOGIN'] : []), ...(oauth ? ['XOAUTH2'] : [])],
    authOptional: !signIn,
    // starttls: AUTH before STARTTLS gets smtp-server's own 538; plain has nothing to upgrade to.
    allowInsecureAuth: mode === 'plain',
    disableReverseLookup: true,
    logger: false,
    // Bounds close() and half-closed sockets; the defaults (30 s, 60 s) would outlive a test.
    closeTimeout: 1000,
    socketTimeout: 10_000,

    onConnect(_session, callback) {
      // Never calling back means the 220 greeting is never sent: the client's greeting timeout.
      if (fault === 'no-greeting') return;
      callback();
    },

    onAuth(credentials, session, callback) {
      if (credentials.method === 'XOAUTH2') {
        const user = credentials.username ?? '';
        const token = credentials.accessToken ?? '';
        logins.push({ user, pass: '' });
        const accepted = Boolean(oauth?.accepts(token, user));
        oauthLogins.push({ user, token, accepted });
        if (accepted) return callback(null, { user });
        if (oauth?.refusal === 'microsoft') {
          return callback(
            reply(
              535,
              '5.7.3 Authentication unsuccessful [SN4PR0501CA0048.namprd05.prod.outlook.com]',
            ),
          );
        }
        callback(null, {
          data: { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' },
        });
        // smtp-server has just sent the 334 challenge and queued its reply to the client's
        // next line; `_nextHandler` is an internal (checked against 3.21).
        connectionOf(session)._nextHandler = function (_line, done) {
          this.send(535, gmailBadCredentials);
          done();
        };
        return;
      }
      logins.push({ user: credentials.username ?? '', pass: credentials.password ?? '' });
      if (fault === 'basic-auth-disabled') {
        return callback(
          reply(550, '5.7.30 Basic authentication is not supported for Client Submission.'),
        );
      }
      if (fault === 'app-password-required') {
        return callback(
          multiLineReply(534, [
            '5.7.9 Application-specific password required. For more information, go to',
            '5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor',
          ]),
        );
      }
      const valid = credentials.username === auth?.user && credentials.password === auth?.pass;
      if (fault === 'wrong-credentials' || !valid) {
        return callback(reply(535, '5.7.8 Authentication credentials invalid'));
      }
      callback(null, { user: credentials.username });
    },

    onMailFrom(_address, session, callback) {
      // smtp-server only refuses AUTH before STARTTLS; a submission port refuses mail as well.
      if (mode === 'starttls' && !session.secure) {
        return callback(reply(530, '5.7.0 Must issue a STARTTLS command first'));
      }
      if (fault === 'sender-refused') {
        return callback(reply(553, '5.7.1 Sender address rejected: not owned by user'));
      }
      if (fault === 'temporary') {
        return callback(reply(451, '4.3.0 Temporary failure, try again later'));
      }
      if (fault === 'drop-connection') return dropConnection(session);
      // Never answers MAIL FROM: the client's socket timeout (or the caller's bound) must end it.
      if (fault === 'stall-at-mail-from') return;
      callback();
    },

    onRcptTo(_address, _session, callback) {
      if (fault === 'recipient-refused') return callback(reply(550, '5.7.1 Relay access denied'));
      callback();
    },

    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (fault === 'reject-after-data') {
          return callback(reply(554, '5.6.0 Message refused by policy'));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        // Recorded before the 250 reply, so `messages` is complete once sendMail resolves.
        simpleParser(raw).then((parsed) => {
          const message = receivedMessage(session, raw, parsed);
          messages.push(message);
          for (const waiter of waiters) waiter(message);
          callback();
        }, callback);
      });
    },
  });

  // Without a listener a failed TLS handshake is an unhandled 'error' that kills the process.
  server.on('error', (error) => errors.push(error));

  // smtp-server has no API to reach a session's connection: `connections` is an internal
  // (checked against 3.21).
  function connectionOf(session: SMTPServerSession) {
    const connection = [...server.connections].find((c) => c.session.id === session.id);
    if (!connection) throw new Error(`No connection for SMTP session ${session.id}`);
    return connection;
  }

  // Destroying the socket (an internal too) sends no reply at all, like a crashed relay.
  function dropConnection(session: SMTPServerSession): void {
    connectionOf(session)._socket.destroy();
  }

  function waitForMessage(
    predicate: (message: ReceivedMessage) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ReceivedMessage> {
    const found = messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = (message: ReceivedMessage) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(message);
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(`No matching message within ${timeoutMs} ms (${messages.length} received)`),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  }

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve());
      // A hung session (no-greeting, dropped client) would otherwise hold close() for
      // closeTimeout. The socket destroyed is the topmost one (TLS if any), never the raw one
      // under a TLS wrap, which smtp-server warns can crash Node mid-handshake.
      for (const connection of server.connections) connection._socket.destroy();
    });
    return closing;
  }

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    mode,
    caPem: certificates.caPem,
    auth,
    messages,
    logins,
    oauthLogins,
    errors,
    setFault: (next) => {
      fault = next;
    },
    waitForMessage,
    close,
  };
}
