import 'server-only';
import { fetchToken, type TokenExchange } from './fetch-token';
import type { OAuthSettings } from './oauth-settings';
import { TokenUnavailableError } from './token-failure';
import type { TokenSource } from './token-source';

/**
 * For "Send test email": asks the provider itself, with the form's values, instead of using a
 * stored token, so the test proves the credentials as they are now. Keeps each exchange for
 * "Show details".
 */
export function freshTokenSource(settings: OAuthSettings): TokenSource & {
  exchanges: TokenExchange[];
} {
  const exchanges: TokenExchange[] = [];
  let current: string | undefined;
  return {
    exchanges,
    async token(renew) {
      if (current && !renew) return current;
      const answer = await fetchToken(settings);
      exchanges.push(answer.exchange);
      if (!answer.ok) throw new TokenUnavailableError(answer.failure);
      current = answer.token;
      return current;
    },
  };
}
