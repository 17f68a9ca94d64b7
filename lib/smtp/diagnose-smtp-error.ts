import { untrustedCertificateCodes } from '@/lib/http/untrusted-certificate';
import { TokenUnavailableError } from '@/lib/oauth/token-failure';
import type { SmtpConfig } from './smtp-config';
import type { SmtpDiagnosis } from './smtp-diagnosis';

interface SmtpError {
  code?: string;
  originalCode?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  reason?: string;
  cert?: { subjectaltname?: string };
  cause?: { code?: string };
}

function certificateNames(error: SmtpError): string {
  const names = error.cert?.subjectaltname
    ?.split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''));
  return names?.length ? names.join(', ') : '—';
}

function tokenRefusalAdvice(provider: NonNullable<SmtpConfig['oauth']>['provider']): string {
  if (provider === 'microsoft') return 'tokenRefusedByExchange';
  if (provider === 'google') return 'tokenRefusedByGmail';
  return 'tokenRefusedBySmtp';
}

/**
 * Names the failing step of an SMTP attempt and the one change most likely to fix it, from
 * the error nodemailer (or the TLS socket) gave. Matches on codes and steps, not on wording.
 * `lastCommand` is the last thing the client sent, for "waiting for …" timeouts.
 */
export function diagnoseSmtpError(
  raw: unknown,
  config: Pick<
    SmtpConfig,
    'host' | 'port' | 'ssl' | 'starttls' | 'auth' | 'senderEmail' | 'username' | 'oauth'
  >,
  context: { recipient: string; lastCommand?: string },
): SmtpDiagnosis {
  if (raw instanceof TokenUnavailableError) {
    const { advice, values, code, reply } = raw.failure;
    return { step: 'token', advice, values, serverReply: reply, code };
  }
  const error = (raw ?? {}) as SmtpError;
  const low = error.originalCode ?? error.cause?.code ?? error.code ?? '';
  const code = error.responseCode ? String(error.responseCode) : low || error.code;
  const reply = error.response?.trim() || undefined;
  const where = { host: config.host, port: config.port };
  const result = (
    step: SmtpDiagnosis['step'],
    advice: string,
    values: Record<string, string | number> = {},
  ): SmtpDiagnosis => ({ step, advice, values: { ...where, ...values }, serverReply: reply, code });

  if (low === 'ENOTFOUND' || low === 'EAI_AGAIN' || error.code === 'EDNS') {
    return result('lookup', low === 'EAI_AGAIN' ? 'lookupUnavailable' : 'lookupFailed');
  }
  if (low === 'ECONNREFUSED') return result('connect', 'connectionRefused');
  if (low === 'EHOSTUNREACH' || low === 'ENETUNREACH') return result('connect', 'unreachable');
  if (
    /wrong version number|WRONG_VERSION_NUMBER|packet length too long/i.test(
      low + (error.message ?? ''),
    )
  ) {
    return result('tls', 'notAnSslPort');
  }
  if (untrustedCertificateCodes.has(low)) return result('certificate', 'certificateUntrusted');
  if (low === 'CERT_HAS_EXPIRED') return result('certificate', 'certificateExpired');
  if (low === 'CERT_NOT_YET_VALID') return result('certificate', 'certificateNotYetValid');
  if (low === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return result('certificate', 'certificateNameMismatch', { names: certificateNames(error) });
  }
  if (/^ERR_SSL|^ERR_TLS|EPROTO/.test(low)) return result('tls', 'tlsHandshakeFailed');

  const message = error.message ?? '';
  if (error.code === 'ETIMEDOUT' || low === 'ETIMEDOUT') {
    if (/greeting/i.test(message)) {
      return result('greeting', config.ssl ? 'noGreeting' : 'noGreetingExpectsSsl');
    }
    if (/connection timeout|CONNECTION_TIMEOUT/i.test(message + low) || !context.lastCommand) {
      return result('connect', 'connectTimeout');
    }
    return result('timeout', 'noReply', { command: context.lastCommand });
  }
  if (error.code === 'ETLS' || error.command === 'STARTTLS')
    return result('starttls', 'starttlsNotOffered');

  const status = error.responseCode ?? 0;
  const wantsTls = /STARTTLS|TLS/i.test(reply ?? message);
  if (error.code === 'EAUTH') {
    if (config.auth && config.oauth)
      return result('auth', tokenRefusalAdvice(config.oauth.provider), {
        mailbox: config.username ?? '',
        clientId: config.oauth.clientId,
      });
    // Microsoft 365 with SMTP AUTH's password sign-in turned off, and Google wanting more than
    // the account password: both are fixed by signing in with OAuth2 instead.
    if (status === 550 && /5\.7\.30/.test(reply ?? '')) return result('auth', 'basicAuthDisabled');
    if (status === 534 && /5\.7\.9/.test(reply ?? '')) return result('auth', 'appPasswordRequired');
    if (status === 538 || (status === 530 && wantsTls))
      return result('auth', 'authNeedsEncryption');
    if (status >= 500 || status === 454) return result('auth', 'authRejected');
    return result('auth', 'authUnavailable');
  }
  if (error.command === 'MAIL FROM') {
    if (status === 530 && wantsTls) return result('sender', 'mailNeedsEncryption');
    if (status === 530 || /auth/i.test(reply ?? '')) return result('auth', 'authRequired');
    if (status >= 400 && status < 500) return result('sender', 'temporaryRefusal');
    return result('sender', 'senderRefused', { sender: config.senderEmail });
  }
  if (error.command === 'RCPT TO' || error.code === 'EENVELOPE') {
    if (status >= 400 && status < 500) return result('recipient', 'temporaryRefusal');
    if (/relay/i.test(reply ?? ''))
      return result('recipient', 'relayDenied', { recipient: context.recipient });
    return result('recipient', 'recipientRefused', { recipient: context.recipient });
  }
  if (error.code === 'EMESSAGE' || error.command === 'DATA') {
    if (status >= 400 && status < 500) return result('message', 'temporaryRefusal');
    return result('message', 'messageRefused');
  }
  if (error.code === 'ECONNECTION' || low === 'ECONNRESET') {
    // Closed before we said anything: the connection was made, the greeting never came. Most
    // often a plain client on an SSL port, which the server drops when no TLS hello arrives.
    if (!context.lastCommand) {
      return result('greeting', config.ssl ? 'closedBeforeGreeting' : 'noGreetingExpectsSsl');
    }
    return result('connect', 'connectionClosed', { command: context.lastCommand });
  }
  return result('unknown', 'unexpected', { message: message.split('\n')[0] ?? '' });
}
