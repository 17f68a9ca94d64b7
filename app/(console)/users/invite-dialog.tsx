'use client';

import { useTranslations } from 'next-intl';
import { useState, type ComponentProps } from 'react';
import { IssuedLinkPanel } from '@/components/links/issued-link-panel';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { hostUsersPanel, type LinkPanelOptions } from './issue-link-section';
import { InviteUserForm } from './invite-user-form';

/**
 * An invite button and its dialog: the form, then the new link with Copy and its email's
 * status. Both Users pages use it, each with its own labels, role field and link panel.
 */
export function InviteDialog(
  props: {
    labels: { open: string; title: string };
    smtpEnabled: boolean;
    panel?: LinkPanelOptions;
  } & Pick<ComponentProps<typeof InviteUserForm>, 'action' | 'roleField'>,
) {
  const t = useTranslations('users.invite');
  const panel = props.panel ?? hostUsersPanel;
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
        {props.labels.open}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={issued ? t('doneTitle', { email: issued.email }) : props.labels.title}
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
              readEmail={panel.readEmail}
              hostAdmin={panel.hostAdmin}
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
            roleField={props.roleField}
            onCancel={close}
            onInvited={(link, email) => setIssued({ link, email })}
          />
        )}
      </Dialog>
    </>
  );
}
