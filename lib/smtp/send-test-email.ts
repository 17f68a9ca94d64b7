import 'server-only';
import {
  awaitedCommand,
  createConversationRecorder,
  type ConversationLine,
} from './conversation-recorder';
import { createSmtpTransport, smtpTimeouts, type SmtpTimeouts } from './create-transport';
import { diagnoseSmtpError } from './diagnose-smtp-error';
import { freshTokenSource } from '@/lib/oauth/fresh-token-source';
import type { TokenExchange } from '@/lib/oauth/fetch-token';
import { fromAddress, signsInWithToken, type SmtpConfig } from './smtp-config';
import type { SmtpDiagnosis } from './smtp-diagnosis';
import type { TlsDetails } from './tls-details';
import { captureTls } from './tls-capture';

/** The test never takes longer than this, whatever the server does. */
const testEmailBoundMs = 20_000;

export interface SmtpTestDetails {
  server: string;
  encryption: 'ssl' | 'starttls' | 'none';
  durationMs: number;
  conversation: ConversationLine[];
  tls: TlsDetails | null;
  /** OAuth2 sign-in: each token request this test made (never the secret or the token). */
  tokenRequests?: TokenExchange[];
}

export type SmtpTestReport =
  | { ok: true; recipient: string; response: string; messageId: string; details: SmtpTestDetails }
  | { ok: false; recipient: string; diagnosis: SmtpDiagnosis; details: SmtpTestDetails };

export interface TestMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends one real message with `config` and reports what happened: the server's acceptance, or
 * a diagnosis of the failing step, plus the conversation and TLS details for "Show details".
 */
export async function sendTestEmail(options: {
  config: SmtpConfig;
  to: string;
  message: TestMessage;
  /** Tests shorten the waits; the app always uses the defaults. */
  limits?: { boundMs?: number; timeouts?: Partial<SmtpTimeouts> };
}): Promise<SmtpTestReport> {
  const { config, to } = options;
  const started = performance.now();
  const recorder = createConversationRecorder([config.password, config.oauth?.secret]);
  const fresh = signsInWithToken(config) ? freshTokenSource(config.oauth) : undefined;
  const tokens = fresh && {
    token: async (renew: boolean) => {
      const token = await fresh.token(renew);
      recorder.hide(token);
      return token;
    },
  };
  const timeouts = { ...smtpTimeouts, ...options.limits?.timeouts };

  const tlsCapture = captureTls(config, timeouts.connectionMs, recorder);

  const transport = createSmtpTransport(
    config,
    {
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      logger: recorder.logger as never,
      transactionLog: true,
      getSocket: tlsCapture.getSocket,
      tls: { checkServerIdentity: tlsCapture.checkServerIdentity },
    },
    tokens,
  );
  let bound: NodeJS.Timeout | undefined;
  const details = (): SmtpTestDetails => ({
    server: `${config.host}:${config.port}`,
    encryption: config.ssl ? 'ssl' : config.starttls ? 'starttls' : 'none',
    durationMs: Math.round(performance.now() - started),
    conversation: recorder.lines,
    tls: tlsCapture.details(),
    ...(fresh ? { tokenRequests: fresh.exchanges } : {}),
  });
  try {
    // The token first: a refused client or key is reported as the "token" step, before any
    // SMTP connection is made.
    await tokens?.token(false);
    const info = await Promise.race([
      transport.sendMail({ from: fromAddress(config), to, ...options.message }),
      new Promise<never>((_, reject) => {
        bound = setTimeout(
          () => reject(Object.assign(new Error('Test bound reached'), { code: 'ETIMEDOUT' })),
          options.limits?.boundMs ?? testEmailBoundMs,
        );
      }),
    ]);
    return {
      ok: true,
      recipient: to,
      response: info.response,
      messageId: info.messageId,
      details: details(),
    };
  } catch (error) {
    const lastCommand = awaitedCommand(recorder.lines);
    return {
      ok: false,
      recipient: to,
      diagnosis: diagnoseSmtpError(error, config, { recipient: to, lastCommand }),
      details: details(),
    };
  } finally {
    clearTimeout(bound);
    transport.close();
  }
}
