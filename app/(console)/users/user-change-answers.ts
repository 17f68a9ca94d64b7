import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Translate } from '@/lib/i18n/translate';
import type { InviteUserResult } from '@/lib/invitations/invite-user';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import type { UserChangeResult } from '@/lib/users/user-change-result';

// What the host Users page and an account's Users page answer after a user change: the same
// shapes, each page with its own words for a refusal.

type Refused = Exclude<UserChangeResult, { ok: true }>;

/**
 * A refused change for the form. The last admin of an account is named for both pages alike;
 * other reasons in the page's own words (`reasonText`; the host page's by default).
 */
export function userChangeRefusal(
  result: Refused,
  t: Translate,
  reasonText: (reason: Refused['reason']) => string = (reason) => t(`users.errors.${reason}`),
) {
  const formError =
    result.reason === 'lastAccountAdmin'
      ? t('users.errors.lastAccountAdmin', { accounts: result.accounts.join(', ') })
      : reasonText(result.reason);
  return { ok: false as const, formError };
}

/**
 * A link just made, for the dialog: its email (if one was queued) goes out right after the
 * answer, and the page at `path` shows the user's new state.
 */
export function issuedLink(result: IssuedLink, path: string) {
  if (result.emailId !== null) kickOutbox();
  revalidatePath(path);
  const data: IssuedLink = {
    link: result.link,
    expiresAt: result.expiresAt,
    emailId: result.emailId,
  };
  return { ok: true as const, data };
}

/**
 * An invitation refused: a taken or uninvitable address beside the address field, in the
 * page's words (`accountUsers` names no other tenant's reason); anything else for the form.
 */
export function inviteRefusal(
  result: Extract<InviteUserResult, { ok: false }>,
  email: string,
  t: Translate,
  addressWords: 'users' | 'accountUsers' = 'users',
) {
  if (result.reason === 'alreadyUser' || result.reason === 'notInvitable') {
    return {
      ok: false as const,
      fieldErrors: { email: [t(`${addressWords}.errors.${result.reason}`, { email })] },
    };
  }
  return { ok: false as const, formError: t(`users.errors.${result.reason}`) };
}
