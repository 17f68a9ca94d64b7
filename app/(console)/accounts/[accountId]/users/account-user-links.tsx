'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { InviteLinkSection } from '@/app/(console)/users/invite-link-section';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { PasswordSection } from '@/app/(console)/users/password-section';
import type { AccountUserRow } from '@/lib/accounts/list-account-users';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';

/**
 * Generate invite link (pending) or Make reset link (active) when the viewer may make this
 * user's links; otherwise why not: a link opens every account the user has, so it takes
 * managing users in all of them (host users' links are a host admin's matter).
 */
export function AccountUserLinks(props: {
  user: AccountUserRow;
  panel: LinkPanelOptions;
  regenerate: FormAction<IssuedLink>;
  makeResetLink: FormAction<IssuedLink>;
}) {
  const t = useTranslations('accountUsers.edit.links');
  const headingId = useId();
  const { user } = props;
  if (user.linksAllowed && user.status === 'pending') {
    return <InviteLinkSection user={user} action={props.regenerate} panel={props.panel} />;
  }
  if (user.linksAllowed && user.status === 'active') {
    return <PasswordSection user={user} action={props.makeResetLink} panel={props.panel} />;
  }
  const reason =
    user.status === 'deactivated' ? 'deactivated' : user.hostRole ? 'hostUser' : 'otherAccounts';
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <p className="text-sm text-pretty text-slate-600">{t(reason, { email: user.email })}</p>
    </section>
  );
}
