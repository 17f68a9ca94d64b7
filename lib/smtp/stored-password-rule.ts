import type { SmtpForm } from './smtp-form-schema';

/**
 * A blank password field means "the stored one", but only for the same server and username:
 * otherwise anyone with access to the form could send the stored password to a server of their
 * choice and read it there. For another host or username it must be typed again.
 */
export function needsRetypedPassword(
  form: Pick<SmtpForm, 'auth' | 'password' | 'host' | 'username'>,
  saved: { host: string; username: string | null; hasPassword: boolean } | null,
): boolean {
  if (!form.auth || form.password) return false;
  if (!saved?.hasPassword) return true;
  return saved.host !== form.host || (saved.username ?? '') !== (form.username?.trim() ?? '');
}
