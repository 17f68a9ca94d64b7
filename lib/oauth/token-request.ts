import { microsoftCloud, microsoftTokenEndpoint } from './microsoft-clouds';
import type { OAuthSettings } from './oauth-settings';
import { googleMailScope, serviceAccountAssertion } from './service-account-jwt';

/** One request to a token endpoint, and what may be shown of it (never the secret). */
export interface TokenRequest {
  endpoint: string;
  clientId: string;
  scope: string;
  /** The mailbox a Google service account acts as. */
  subject?: string;
  headers: Record<string, string>;
  body: URLSearchParams;
}

// RFC 6749 2.3.1: the client id and secret are form-encoded before they go into Basic.
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

export function tokenRequestFor(settings: OAuthSettings, now = new Date()): TokenRequest {
  switch (settings.provider) {
    case 'microsoft': {
      // App-only: the client-credentials grant with the secret in the body, as Entra documents.
      const scope = microsoftCloud(settings.authority).scope;
      return {
        endpoint: microsoftTokenEndpoint(settings.authority, settings.tenant ?? ''),
        clientId: settings.clientId,
        scope,
        headers: form,
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: settings.clientId,
          client_secret: settings.secret,
          scope,
        }),
      };
    }
    case 'google': {
      // Google has no client-credentials grant for a secret: the service account signs a JWT.
      const tokenUri = settings.tokenUrl ?? '';
      const assertion = serviceAccountAssertion({
        clientEmail: settings.clientId,
        privateKeyPem: settings.secret,
        tokenUri,
        mailbox: settings.mailbox,
        now,
      });
      return {
        endpoint: tokenUri,
        clientId: settings.clientId,
        scope: googleMailScope,
        subject: settings.mailbox,
        headers: form,
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }),
      };
    }
    case 'other': {
      const scope = settings.scope ?? '';
      return {
        endpoint: settings.tokenUrl ?? '',
        clientId: settings.clientId,
        scope,
        // HTTP Basic is the one client authentication every OAuth2 server must accept.
        headers: { ...form, authorization: basic(settings.clientId, settings.secret) },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          ...(scope ? { scope } : {}),
        }),
      };
    }
  }
}
