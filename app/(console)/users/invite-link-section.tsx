'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { IssueLinkSection, type LinkPanelOptions } from './issue-link-section';

/** Generate invite link for a pending user: a new link, the old one dead at once. */
export function InviteLinkSection(props: {
  user: Pick<UserRow, 'id' | 'email' | 'invitationExpiresAt' | 'invitationExpired'>;
  action: FormAction<IssuedLink>;
  panel?: LinkPanelOptions;
}) {
  const t = useTranslations('users.edit.link');
  const format = useFormatter();
  const expiresAt = props.user.invitationExpiresAt;
  const time = expiresAt
    ? format.dateTime(new Date(expiresAt), { dateStyle: 'medium', timeStyle: 'short' })
    : '';
  const current =
    expiresAt === null
      ? t('none')
      : props.user.invitationExpired
        ? t('expired', { time })
        : t('open', { time });
  return (
    <IssueLinkSection
      user={props.user}
      kind="invitation"
      action={props.action}
      title={t('title')}
      explanation={`${current} ${t('explain')}`}
      labels={{ make: t('generate'), makeAgain: t('generateAgain'), making: t('generating') }}
      panel={props.panel}
    />
  );
}
