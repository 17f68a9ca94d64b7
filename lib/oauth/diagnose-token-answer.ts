import type { OAuthSettings } from './oauth-settings';
import type { TokenFailure } from './token-failure';
import type { TokenRequest } from './token-request';

/** A token endpoint's error answer (RFC 6749 5.2, with Microsoft's numbered AADSTS codes). */
export interface TokenErrorAnswer {
  status: number;
  error?: string;
  description?: string;
  errorCodes?: number[];
}

// Microsoft numbers its sign-in errors; the number says more than the OAuth2 error name.
const microsoftAdvice: Record<number, string> = {
  7000215: 'clientSecretInvalid',
  7000222: 'clientSecretExpired',
  90002: 'tenantNotFound',
  700016: 'appNotInTenant',
};

function googleGrantAdvice(description: string): string {
  if (/iat and exp|reasonable timeframe/i.test(description)) return 'tokenClockSkew';
  if (/invalid email or user id/i.test(description)) return 'mailboxUnknown';
  return 'serviceAccountKeyRejected';
}

/** Names what to change from a token endpoint's refusal. */
export function diagnoseTokenAnswer(
  answer: TokenErrorAnswer,
  settings: Pick<OAuthSettings, 'provider' | 'tenant' | 'mailbox'>,
  request: Pick<TokenRequest, 'endpoint' | 'clientId' | 'scope'>,
): TokenFailure {
  const values = {
    endpoint: request.endpoint,
    clientId: request.clientId,
    scope: request.scope,
    tenant: settings.tenant ?? '',
    mailbox: settings.mailbox,
    status: answer.status,
  };
  const reply = answer.description?.split(/\r?\n/)[0]?.slice(0, 500);
  const numbered = answer.errorCodes?.find((code) => code in microsoftAdvice);
  const failure = (advice: string, code = answer.error): TokenFailure => ({
    advice,
    values,
    code,
    reply,
  });

  if (numbered !== undefined) return failure(microsoftAdvice[numbered]!, `AADSTS${numbered}`);
  if (!answer.error) {
    return failure(
      answer.status >= 500 ? 'tokenServerError' : 'tokenAnswerUnreadable',
      String(answer.status),
    );
  }
  if (answer.error === 'invalid_scope') return failure('scopeInvalid');
  if (settings.provider === 'google') {
    if (answer.error === 'invalid_grant')
      return failure(googleGrantAdvice(answer.description ?? ''));
    if (answer.error === 'unauthorized_client') return failure('delegationMissing');
  }
  if (answer.error === 'invalid_client') return failure('clientRejected');
  if (answer.error === 'unauthorized_client') return failure('clientNotAllowed');
  if (answer.status >= 500) return failure('tokenServerError');
  return failure('tokenRefused');
}
