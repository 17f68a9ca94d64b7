'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { IssueLinkSection, type LinkPanelOptions } from './issue-link-section';

/** Reset for an active user: a reset link (24 hours) to copy, emailed when SMTP is on. */
export function PasswordSection(props: {
  user: Pick<UserRow, 'id' | 'email'>;
  action: FormAction<IssuedLink>;
  panel?: LinkPanelOptions;
}) {
  const t = useTranslations('users.edit.password');
  return (
    <IssueLinkSection
      user={props.user}
      kind="reset"
      action={props.action}
      title={t('title')}
      explanation={t('explain', { email: props.user.email })}
      labels={{ make: t('make'), makeAgain: t('makeAgain'), making: t('making') }}
      panel={props.panel}
    />
  );
}
