'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { TwoFactorMethod, UserStatus } from '@/db/schema';

const statusTones = { pending: 'accent', active: 'success', deactivated: 'neutral' } as const;

// The cells both Users tables (the host's, an account's) show the same way.

/** The row's header: the address, and "(you)" on the viewer's own row. */
export function UserEmailCell(props: { email: string; isViewer: boolean }) {
  const t = useTranslations('users');
  return (
    <th scope="row" className="px-4 py-3 text-left font-medium break-all text-slate-900">
      {props.email}
      {props.isViewer ? <span className="ml-1 font-normal text-slate-500">{t('you')}</span> : null}
    </th>
  );
}

/** The status, and under it the two-factor methods the user has set up, if any. */
export function UserStatusCell(props: { status: UserStatus; twoFactor: TwoFactorMethod[] }) {
  const t = useTranslations('users');
  const methods = props.twoFactor.map((method) => t(`twoFactorMethods.${method}`)).join(', ');
  return (
    <td className="px-4 py-3">
      <Badge tone={statusTones[props.status]}>{t(`status.${props.status}`)}</Badge>
      {methods ? (
        <p className="mt-1 text-xs whitespace-nowrap text-slate-600">
          {t('twoFactorShort', { methods })}
        </p>
      ) : null}
    </td>
  );
}

/** When a pending user's invitation ends or ended; a dash for everyone else. */
export function InvitationCell(props: {
  status: UserStatus;
  expiresAt: Date | null;
  expired: boolean;
}) {
  const t = useTranslations('users.invitation');
  const format = useFormatter();
  let text = '—';
  if (props.status === 'pending') {
    if (props.expiresAt === null) text = t('none');
    else {
      const time = format.dateTime(new Date(props.expiresAt), {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
      text = props.expired ? t('expired', { time }) : t('expires', { time });
    }
  }
  return <td className="px-4 py-3 whitespace-nowrap text-slate-700">{text}</td>;
}
