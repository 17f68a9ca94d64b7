/**
 * Why no token came, as data: the page translates `advice` (a key under
 * smtpDiagnosis.advice) with `values`, like every SMTP diagnosis.
 */
export interface TokenFailure {
  advice: string;
  values: Record<string, string | number>;
  /** The provider's error code (invalid_client, AADSTS7000215…) or the network error's. */
  code?: string;
  /** The provider's own description, quoted as it came. */
  reply?: string;
}

/** Thrown by a token source; the SMTP diagnosis shows it as the failing "token" step. */
export class TokenUnavailableError extends Error {
  constructor(readonly failure: TokenFailure) {
    super(`No OAuth2 token: ${failure.code ?? failure.advice}`);
    this.name = 'TokenUnavailableError';
  }
}
