'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useAccountNotice } from './account-notice';
import type { CreatedAccount } from './actions';
import { AddAccountForm } from './add-account-form';
import { InvitedAdministrator, type Invited } from './invited-administrator';

/**
 * Add account: the form, then for an invited administrator the link with Copy and the email's
 * status. An account you administer yourself closes the dialog; the page says it is added.
 */
export function AddAccountDialog(props: { smtpEnabled: boolean; hostAdmin: boolean }) {
  const t = useTranslations('accounts.add');
  const tNotice = useTranslations('accounts.notice');
  const showNotice = useAccountNotice();
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<Invited | null>(null);
  const close = () => setOpen(false);

  function onAdded(created: CreatedAccount, name: string) {
    if (created.invitation) {
      setInvited({ accountId: created.accountId, name, invitation: created.invitation });
      return;
    }
    showNotice({
      text: tNotice('added', { name }),
      link: { href: `/accounts/${created.accountId}`, label: tNotice('openAdded', { name }) },
    });
    close();
  }

  return (
    <>
      <Button
        onClick={() => {
          setInvited(null);
          setOpen(true);
        }}
      >
        {t('open')}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t('title')}
        description={invited ? undefined : t('description')}
      >
        {invited ? (
          <InvitedAdministrator
            invited={invited}
            hostAdmin={props.hostAdmin}
            onAnother={() => setInvited(null)}
            onDone={close}
          />
        ) : (
          <AddAccountForm smtpEnabled={props.smtpEnabled} onCancel={close} onAdded={onAdded} />
        )}
      </Dialog>
    </>
  );
}
