'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { IssuedLinkPanel } from '@/components/links/issued-link-panel';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { InviteAccountUserForm } from './invite-account-user-form';
import { withAccountId } from './with-account-id';

/** "Invite a user" with a role in this account: the form, then the link with Copy. */
export function InviteAccountUserDialog(props: {
  account: { id: string; name: string };
  action: FormAction<IssuedLink>;
  panel: LinkPanelOptions;
  smtpEnabled: boolean;
}) {
  const t = useTranslations();
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
        {t('accountUsers.invite.open')}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={
          issued
            ? t('users.invite.doneTitle', { email: issued.email })
            : t('accountUsers.invite.title')
        }
        description={
          issued
            ? undefined
            : props.smtpEnabled
              ? t('users.invite.descriptionSmtpOn')
              : t('users.invite.descriptionSmtpOff')
        }
      >
        {issued ? (
          <div className="space-y-5">
            <IssuedLinkPanel
              kind="invitation"
              issued={issued.link}
              email={issued.email}
              readEmail={props.panel.readEmail}
              hostAdmin={props.panel.hostAdmin}
            />
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setIssued(null)}>
                {t('users.invite.another')}
              </Button>
              <Button onClick={close}>{t('users.invite.done')}</Button>
            </div>
          </div>
        ) : (
          <InviteAccountUserForm
            accountName={props.account.name}
            action={withAccountId(props.action, props.account.id)}
            onCancel={close}
            onInvited={(link, email) => setIssued({ link, email })}
          />
        )}
      </Dialog>
    </>
  );
}
