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
}

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
  };
}

/** Whether the form differs from what is saved (a typed password counts as a change). */
export function hasUnsavedChanges(values: SmtpFormValues, saved: SmtpFormValues): boolean {
  return (Object.keys(values) as (keyof SmtpFormValues)[]).some((key) =>
    key === 'password' ? values.password !== '' : values[key] !== saved[key],
  );
}

const localHosts = new Set(['localhost', '127.0.0.1', '::1']);

/** A password would cross the network in clear: authentication on, no encryption, not local. */
export function sendsPasswordInClear(values: SmtpFormValues): boolean {
  return (
    values.auth &&
    !values.ssl &&
    !values.starttls &&
    !localHosts.has(values.host.trim().toLowerCase())
  );
}
