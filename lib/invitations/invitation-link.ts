import 'server-only';
import { appUrl } from '@/lib/urls';

/** The accept page for an invitation token, on the deployment's configured base URL. */
export function invitationLink(token: string): string {
  return appUrl('/invite/' + token);
}
