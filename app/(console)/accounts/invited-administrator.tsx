'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { AdminInvitation } from './actions';
import { AdminInvitationPanel } from './admin-invitation-panel';

export type Invited = { accountId: string; name: string; invitation: AdminInvitation };

/** After "Invite its administrator": what happened, the link, Add another account or Done. */
export function InvitedAdministrator(props: {
  invited: Invited;
  hostAdmin: boolean;
  onAnother: () => void;
  onDone: () => void;
}) {
  const t = useTranslations('accounts.add');
  const summary = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: start reading from what happened.
  useEffect(() => summary.current?.focus(), []);
  const { name, invitation } = props.invited;
  return (
    <div className="space-y-5">
      <div ref={summary} tabIndex={-1} className="outline-none">
        <FormMessage tone="success">
          {t('doneSummary', { name, email: invitation.email })}
        </FormMessage>
      </div>
      <AdminInvitationPanel
        accountId={props.invited.accountId}
        invitation={invitation}
        hostAdmin={props.hostAdmin}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={props.onAnother}>
          {t('another')}
        </Button>
        <Button onClick={props.onDone}>{t('done')}</Button>
      </div>
    </div>
  );
}
