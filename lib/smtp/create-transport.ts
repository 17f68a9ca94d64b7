import 'server-only';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { TokenSource } from '@/lib/oauth/token-source';
import { signsInWithToken, type SmtpConfig } from './smtp-config';

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const smtpTimeouts: SmtpTimeouts = {
  /** TCP connect, and the TLS handshake of implicit TLS. */
  connectionMs: 10_000,
  /** The server's 220 greeting, and a STARTTLS upgrade. */
  greetingMs: 10_000,
  /** Silence in the middle of a conversation. */
  socketMs: 15_000,
};

/** The TLS side of a connection: the pasted CA if any, SNI for a name, TLS 1.2 at least. */
export function tlsOptionsFor(config: Pick<SmtpConfig, 'host' | 'caPem'>) {
  return {
    ca: config.caPem ?? undefined,
    // SNI only takes names; a server addressed by IP is checked against its IP SAN.
    servername: isIP(config.host) ? undefined : config.host,
    minVersion: 'TLSv1.2' as const,
  };
}

/**
 * nodemailer options for a configuration: implicit TLS, required STARTTLS, or none at all
 * (no opportunistic upgrade: "neither" means unencrypted, as the form warns). The server's
 * certificate is always verified, against the pasted CA when there is one.
 */
function transportOptions(
  config: SmtpConfig,
  extra: Partial<SMTPTransport.Options> = {},
  tokens?: TokenSource,
): SMTPTransport.Options {
  const { tls: extraTls, ...rest } = extra;
  return {
    host: config.host,
    port: config.port,
    secure: config.ssl,
    requireTLS: config.starttls,
    ignoreTLS: !config.ssl && !config.starttls,
    auth: signInOptions(config, tokens),
    tls: { ...tlsOptionsFor(config), ...extraTls },
    connectionTimeout: smtpTimeouts.connectionMs,
    greetingTimeout: smtpTimeouts.greetingMs,
    socketTimeout: smtpTimeouts.socketMs,
    ...rest,
  };
}

function signInOptions(
  config: SmtpConfig,
  tokens: TokenSource | undefined,
): SMTPTransport.Options['auth'] {
  if (!config.auth) return undefined;
  if (!signsInWithToken(config))
    return { user: config.username ?? '', pass: config.password ?? '' };
  if (!tokens) throw new Error('OAuth2 sign-in needs a token source');
  return {
    type: 'OAuth2',
    user: config.username ?? '',
    // nodemailer asks at every sign-in; renew is true when the server refused the last token.
    // The token source caches, so nodemailer must not: the expiry it is given is now.
    provisionCallback: (_user, renew, callback) => {
      tokens.token(renew).then(
        (token) => callback(null, token, Date.now()),
        (error: Error) => callback(error),
      );
    },
  };
}

/** Connection reuse for the outbox: several emails over a few kept-open connections. */
export interface PoolOptions {
  pool?: boolean;
  maxConnections?: number;
  maxMessages?: number;
}

/** The one way the app turns a configuration into a transport (test email and outbox alike). */
export function createSmtpTransport(
  config: SmtpConfig,
  extra?: Partial<SMTPTransport.Options> & PoolOptions,
  tokens?: TokenSource,
) {
  return nodemailer.createTransport(
    transportOptions(config, extra, tokens) as SMTPTransport.Options,
  );
}
