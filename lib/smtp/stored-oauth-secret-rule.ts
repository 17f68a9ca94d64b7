import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import type { SmtpSettingsView } from './get-smtp-settings';
import { changedServerSetting, type PasswordDraft, type SavedServer } from './stored-password-rule';

/**
 * Why a blank client secret (or key file) may not mean "the stored one": `notStored`, or the
 * first setting that now sends the secret, or the token it buys, somewhere else.
 */
export type StoredSecretRefusal =
  | 'notStored'
  | 'host'
  | 'port'
  | 'ssl'
  | 'starttls'
  | 'username'
  | 'caPem'
  | 'provider'
  | 'tenant'
  | 'authority'
  | 'clientId'
  | 'tokenUrl'
  | 'scope';

/** The form's OAuth2 values, parsed (server) or as typed (the page's live hint). */
export interface OAuthDraft extends PasswordDraft {
  oauthProvider?: OAuthProvider;
  oauthTenant?: string | null;
  oauthAuthority?: string | null;
  oauthClientId?: string | null;
  oauthTokenUrl?: string | null;
  oauthScope?: string | null;
  oauthClientSecret?: string;
  oauthKeyJson?: string;
}

/** The saved row's OAuth2 settings, and whether a secret is stored. */
export type SavedOAuth = Omit<SavedServer, 'hasPassword'> &
  Pick<
    SmtpSettingsView,
    | 'signIn'
    | 'oauthProvider'
    | 'oauthTenant'
    | 'oauthAuthority'
    | 'oauthClientId'
    | 'oauthTokenUrl'
    | 'oauthScope'
    | 'hasOauthSecret'
  >;

const text = (value: string | null | undefined) => value?.trim() ?? '';
const lower = (value: string | null | undefined) => text(value).toLowerCase();

/** A Google key file left blank keeps the stored key, and with it its client and token URL. */
function typedSecret(form: OAuthDraft): string | undefined {
  return form.oauthProvider === 'google' ? form.oauthKeyJson?.trim() : form.oauthClientSecret;
}

/**
 * A blank secret means "the stored one" only toward the same token endpoint, client and
 * mailbox, and the same SMTP server: otherwise a changed form could send the secret to a URL
 * of someone's choosing, or the token it buys to their SMTP server (PRODUCT.md). Null: nothing
 * to ask.
 */
export function storedSecretRefusal(
  form: OAuthDraft,
  saved: SavedOAuth | null,
): StoredSecretRefusal | null {
  if (!form.auth || form.signIn !== 'oauth2' || typedSecret(form)) return null;
  if (!saved || saved.signIn !== 'oauth2' || !saved.hasOauthSecret) return 'notStored';
  if (form.oauthProvider !== saved.oauthProvider) return 'provider';
  const server = changedServerSetting(form, saved);
  if (server) return server;
  if (form.oauthProvider === 'google') return null;
  if (lower(form.oauthTenant) !== lower(saved.oauthTenant)) return 'tenant';
  if (text(form.oauthAuthority) !== text(saved.oauthAuthority)) return 'authority';
  if (text(form.oauthClientId) !== text(saved.oauthClientId)) return 'clientId';
  if (text(form.oauthTokenUrl) !== text(saved.oauthTokenUrl)) return 'tokenUrl';
  if (text(form.oauthScope) !== text(saved.oauthScope)) return 'scope';
  return null;
}
