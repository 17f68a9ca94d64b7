import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import type { SmtpSettingsView } from './get-smtp-settings';

/** The form's values as the browser holds them (strings and booleans, never a stored password). */
export interface SmtpFormValues {
  host: string;
  port: string;
  senderName: string;
  senderEmail: string;
  ssl: boolean;
  starttls: boolean;
  auth: boolean;
  username: string;
  password: string;
  caPem: string;
  signIn: 'password' | 'oauth2';
  oauthProvider: OAuthProvider;
  oauthTenant: string;
  oauthAuthority: string;
  oauthClientId: string;
  oauthTokenUrl: string;
  oauthScope: string;
  /** Write-only like the password: never filled from what is stored. */
  oauthClientSecret: string;
  oauthKeyJson: string;
}

/** Fields that hold a secret: typed means changed, blank means "keep the stored one". */
const secretFields = new Set<keyof SmtpFormValues>([
  'password',
  'oauthClientSecret',
  'oauthKeyJson',
]);

export function formValuesFrom(saved: SmtpSettingsView | null, hostName: string): SmtpFormValues {
  return {
    host: saved?.host ?? '',
    port: saved ? String(saved.port) : '587',
    // The host name is the natural sender display name until someone picks another.
    senderName: saved?.senderName ?? hostName,
    senderEmail: saved?.senderEmail ?? '',
    ssl: saved?.ssl ?? false,
    starttls: saved?.starttls ?? true,
    auth: saved?.auth ?? true,
    username: saved?.username ?? '',
    password: '',
    caPem: saved?.caPem ?? '',
    signIn: saved?.signIn ?? 'password',
    oauthProvider: saved?.oauthProvider ?? 'microsoft',
    oauthTenant: saved?.oauthTenant ?? '',
    oauthAuthority: saved?.oauthAuthority ?? '',
    // A Google key's client email is shown as the stored key's owner, not as a field.
    oauthClientId: saved?.oauthProvider === 'google' ? '' : (saved?.oauthClientId ?? ''),
    oauthTokenUrl: saved?.oauthProvider === 'other' ? (saved.oauthTokenUrl ?? '') : '',
    oauthScope: saved?.oauthScope ?? '',
    oauthClientSecret: '',
    oauthKeyJson: '',
  };
}

/** Whether the form differs from what is saved (a typed password counts as a change). */
export function hasUnsavedChanges(values: SmtpFormValues, saved: SmtpFormValues): boolean {
  return (Object.keys(values) as (keyof SmtpFormValues)[]).some((key) =>
    secretFields.has(key) ? values[key] !== '' : values[key] !== saved[key],
  );
}

const localHosts = new Set(['localhost', '127.0.0.1', '::1']);

/** A password would cross the network in clear: authentication on, no encryption, not local. */
export function sendsPasswordInClear(values: SmtpFormValues): boolean {
  return (
    values.auth &&
    values.signIn === 'password' &&
    !values.ssl &&
    !values.starttls &&
    !localHosts.has(values.host.trim().toLowerCase())
  );
}
