import { globalAuthority } from '@/lib/oauth/microsoft-clouds';
import type { OAuthSettings } from '@/lib/oauth/oauth-settings';
import { readServiceAccountKey } from '@/lib/oauth/service-account-key';
import type { SmtpForm } from './smtp-form-schema';

/**
 * The OAuth2 settings a parsed form stands for. A blank secret (or key file) takes the stored
 * one, which the caller has already checked the form may use (stored-oauth-secret-rule.ts).
 * Null when the form does not sign in with OAuth2.
 */
export function oauthFromForm(form: SmtpForm, stored: OAuthSettings | null): OAuthSettings | null {
  if (!form.auth || form.signIn !== 'oauth2' || !form.oauthProvider) return null;
  const mailbox = form.username?.trim() ?? '';
  const base = { tenant: null, authority: null, tokenUrl: null, scope: null, mailbox };
  switch (form.oauthProvider) {
    case 'microsoft': {
      const authority = form.oauthAuthority?.replace(/\/+$/, '') ?? null;
      return {
        ...base,
        provider: 'microsoft',
        tenant: form.oauthTenant?.toLowerCase() ?? null,
        authority: authority && authority.toLowerCase() !== globalAuthority ? authority : null,
        clientId: form.oauthClientId ?? '',
        secret: form.oauthClientSecret || stored?.secret || '',
      };
    }
    case 'other':
      return {
        ...base,
        provider: 'other',
        tokenUrl: form.oauthTokenUrl ?? null,
        scope: form.oauthScope ?? null,
        clientId: form.oauthClientId ?? '',
        secret: form.oauthClientSecret || stored?.secret || '',
      };
    case 'google': {
      const key = form.oauthKeyJson?.trim() ? readServiceAccountKey(form.oauthKeyJson) : null;
      return {
        ...base,
        provider: 'google',
        clientId: key?.clientEmail ?? stored?.clientId ?? '',
        tokenUrl: key?.tokenUri ?? stored?.tokenUrl ?? null,
        secret: key?.privateKeyPem ?? stored?.secret ?? '',
      };
    }
  }
}
