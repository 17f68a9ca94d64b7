'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { InviteUserForm } from './invite-user-form';
import { IssuedLinkPanel } from '@/components/links/issued-link-panel';
import { readLinkEmailAction } from './actions';
import type { PickableAccount } from './role-picker';

/** "Invite a new user": the form, then the new link with Copy and the email's status. */
export function InviteUserDialog(props: {
  action: FormAction<IssuedLink>;
  accounts: PickableAccount[];
  smtpEnabled: boolean;
}) {
  const t = useTranslations('users.invite');
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ link: IssuedLink; email: string } | null>(null);
  const close = () => setOpen(false);

  return (
    <>
      <Button
        onClick={() => {
          setIssued(null);
          setOpen(true);
        }}
      >
        {t('open')}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={issued ? t('doneTitle', { email: issued.email }) : t('title')}
        description={
          issued ? undefined : props.smtpEnabled ? t('descriptionSmtpOn') : t('descriptionSmtpOff')
        }
      >
        {issued ? (
          <div className="space-y-5">
            <IssuedLinkPanel
              kind="invitation"
              issued={issued.link}
              email={issued.email}
              readEmail={{ action: readLinkEmailAction }}
              hostAdmin
            />
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setIssued(null)}>
                {t('another')}
              </Button>
              <Button onClick={close}>{t('done')}</Button>
            </div>
          </div>
        ) : (
          <InviteUserForm
            action={props.action}
            accounts={props.accounts}
            onCancel={close}
            onInvited={(link, email) => setIssued({ link, email })}
          />
        )}
      </Dialog>
    </>
  );
}
