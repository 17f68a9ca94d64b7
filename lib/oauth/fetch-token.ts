import { readUpTo } from '@/lib/http/read-up-to';
import { diagnoseTokenAnswer } from './diagnose-token-answer';
import { diagnoseTokenNetwork } from './diagnose-token-network';
import type { OAuthSettings } from './oauth-settings';
import type { TokenFailure } from './token-failure';
import { tokenRequestFor } from './token-request';
import { metrics } from '@/lib/metrics/registry';

/** A token request as "Show details" tells it: never the secret, the assertion or the token. */
export interface TokenExchange {
  endpoint: string;
  clientId: string;
  scope: string;
  subject: string | null;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** The answer's error code, or null. */
  error: string | null;
  expiresInSeconds: number | null;
  durationMs: number;
}

export type TokenAnswer =
  | { ok: true; token: string; expiresInSeconds: number; exchange: TokenExchange }
  | { ok: false; failure: TokenFailure; exchange: TokenExchange };

/** A token endpoint answers in well under this; beyond it the send would wait too long. */
const tokenRequestTimeoutMs = 10_000;
/** An answer bigger than this is no token answer. */
const answerMaxBytes = 64 * 1024;
/** Providers give an hour or more; an answer without a lifetime is taken as a short one. */
const assumedLifetimeSeconds = 300;
/** Whatever an endpoint claims, a token is asked for again at least daily. */
const longestLifetimeSeconds = 86_400;

async function readAnswer(response: Response): Promise<Record<string, unknown> | null> {
  // Read no further than a token answer can be: the endpoint is whatever URL the admin typed.
  const body = await readUpTo(response, answerMaxBytes);
  if (!body) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const textOf = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Asks the provider for an access token for `settings`, once, and counts how that went. */
export async function fetchToken(
  settings: OAuthSettings,
  options: { timeoutMs?: number } = {},
): Promise<TokenAnswer> {
  const answer = await requestToken(settings, options);
  metrics().tokenFetches.inc({ outcome: answer.ok ? 'ok' : 'failed' });
  return answer;
}

async function requestToken(
  settings: OAuthSettings,
  options: { timeoutMs?: number },
): Promise<TokenAnswer> {
  const started = performance.now();
  const request = tokenRequestFor(settings);
  const exchange: TokenExchange = {
    endpoint: request.endpoint,
    clientId: request.clientId,
    scope: request.scope,
    subject: request.subject ?? null,
    status: null,
    error: null,
    expiresInSeconds: null,
    durationMs: 0,
  };
  const finish = () => ({ ...exchange, durationMs: Math.round(performance.now() - started) });

  let response: Response;
  let answer: Record<string, unknown> | null;
  try {
    response = await fetch(request.endpoint, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      // A redirect would carry the secret to wherever it points: refuse it.
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? tokenRequestTimeoutMs),
    });
    answer = await readAnswer(response);
  } catch (error) {
    return {
      ok: false,
      failure: diagnoseTokenNetwork(error, request.endpoint),
      exchange: finish(),
    };
  }
  exchange.status = response.status;
  const token = textOf(answer?.access_token);
  if (response.ok && token) {
    const lifetime = Number(answer?.expires_in);
    exchange.expiresInSeconds =
      Number.isFinite(lifetime) && lifetime > 0
        ? Math.min(lifetime, longestLifetimeSeconds)
        : assumedLifetimeSeconds;
    return { ok: true, token, expiresInSeconds: exchange.expiresInSeconds, exchange: finish() };
  }
  exchange.error = textOf(answer?.error) ?? null;
  const errorCodes = Array.isArray(answer?.error_codes)
    ? answer.error_codes.filter((code): code is number => typeof code === 'number')
    : undefined;
  const failure = diagnoseTokenAnswer(
    {
      status: response.status,
      error: exchange.error ?? undefined,
      description: textOf(answer?.error_description),
      errorCodes,
    },
    settings,
    request,
  );
  return { ok: false, failure, exchange: finish() };
}
