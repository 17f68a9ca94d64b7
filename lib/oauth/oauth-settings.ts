/** Where an SMTP sign-in token comes from (PRODUCT.md, SMTP service: Sign in with OAuth2). */
export const oauthProviders = ['microsoft', 'google', 'other'] as const;
export type OAuthProvider = (typeof oauthProviders)[number];

/** Everything needed to ask a provider for an SMTP token. Server memory only: `secret` is clear. */
export interface OAuthSettings {
  provider: OAuthProvider;
  /** Microsoft 365: the directory, as its id or one of its domains. */
  tenant: string | null;
  /** Microsoft 365: the sign-in authority; null is the global cloud's. */
  authority: string | null;
  /** The client id; for a Google service account, its client email. */
  clientId: string;
  /** Other provider: the token URL; Google: the key's token_uri. */
  tokenUrl: string | null;
  /** Other provider's scope (Microsoft's and Google's follow from the provider). */
  scope: string | null;
  /** The client secret, or the service account's private key (PEM). */
  secret: string;
  /** The mailbox the SMTP server signs in (and Google's delegation acts as). */
  mailbox: string;
}
