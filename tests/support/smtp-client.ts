import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { afterEach } from 'vitest';
import {
  startTestSmtpServer,
  type SmtpMode,
  type TestSmtpServer,
  type TestSmtpServerOptions,
} from './smtp-server';

// The client side of the SMTP harness tests: what they send, and how they reach the server.

export const credentials = { user: 'mailer@gatehouse.test', pass: 'correct horse battery staple' };
export const inviteUrl = 'https://console.gatehouse.test/invite/tok-123?lang=en&ref=mail';
export const settingsUrl = 'https://console.gatehouse.test/settings/notifications';
export const invitation = {
  from: 'Gatehouse <noreply@gatehouse.test>',
  to: 'Ada Lovelace <ada@example.test>',
  subject: 'You are invited to Gatehouse',
  text: `Accept your invitation: ${inviteUrl}`,
  // The settings link is only in the HTML, so the links helper is proven to read both parts.
  html: `<p><a href="${inviteUrl.replace('&', '&amp;')}">Accept</a></p><a href="${settingsUrl}">Settings</a>`,
};

// How a client reaches each mode: 465-style implicit TLS, 587-style STARTTLS, or neither.
const clientFor: Record<SmtpMode, SMTPTransport.Options> = {
  tls: { secure: true },
  starttls: { secure: false, requireTLS: true },
  plain: { secure: false },
};

/** Gives the calling test file a `start` whose servers are all closed after each test. */
export function withTestSmtpServers(): (options: TestSmtpServerOptions) => Promise<TestSmtpServer> {
  const servers: TestSmtpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options) => {
    const server = await startTestSmtpServer(options);
    servers.push(server);
    return server;
  };
}

/** A transport that trusts the test CA (never `rejectUnauthorized: false`), with short timeouts. */
export function transportFor(server: TestSmtpServer, options: SMTPTransport.Options = {}) {
  return createTransport({
    host: server.host,
    port: server.port,
    ...clientFor[server.mode],
    auth: server.auth,
    greetingTimeout: 1000,
    connectionTimeout: 1000,
    socketTimeout: 2000,
    ...options,
    tls: { ca: [server.caPem], ...options.tls },
  });
}
