/**
 * Where an SMTP transport gets its XOAUTH2 token. `renew`: the server refused the token
 * this source handed out last, so that one may not be handed out again.
 */
export interface TokenSource {
  token(renew: boolean): Promise<string>;
  /** How many times a refused token was renewed, so a caller can tell whether it was. */
  readonly renewals?: number;
}
