'use client';

import { IssuedLinkPanel } from '@/components/links/issued-link-panel';
import { readAdminInvitationEmailAction, type AdminInvitation } from './actions';

/** A first admin's new invitation: the link with Copy, its expiry and its email's delivery. */
export function AdminInvitationPanel(props: {
  accountId: string;
  invitation: AdminInvitation;
  hostAdmin: boolean;
}) {
  return (
    <IssuedLinkPanel
      kind="invitation"
      issued={props.invitation}
      email={props.invitation.email}
      readEmail={{
        action: readAdminInvitationEmailAction,
        fields: { accountId: props.accountId },
      }}
      hostAdmin={props.hostAdmin}
    />
  );
}
