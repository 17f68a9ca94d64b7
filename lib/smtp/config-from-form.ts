import { oauthFromForm } from './oauth-from-form';
import type { SmtpConfig } from './smtp-config';
import type { SmtpForm } from './smtp-form-schema';

/**
 * The configuration a parsed form stands for (the SMTP page's, or the SMTP_* variables read
 * as one). A blank secret is the stored one's, which the caller has checked the form may use.
 */
export function configFromForm(form: SmtpForm, stored: SmtpConfig | null): SmtpConfig {
  const withPassword = form.auth && form.signIn === 'password';
  return {
    host: form.host,
    port: form.port,
    senderName: form.senderName,
    senderEmail: form.senderEmail,
    ssl: form.ssl,
    starttls: form.starttls,
    auth: form.auth,
    username: form.auth ? (form.username?.trim() ?? '') : null,
    password: withPassword ? form.password || stored?.password || '' : null,
    caPem: form.caPem,
    oauth: oauthFromForm(form, stored?.oauth ?? null),
  };
}
