'use client';

import { useId, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import type { LinkEmailReader } from '@/components/links/link-email-reader';
import { IssuedLinkPanel, type LinkKind } from '@/components/links/issued-link-panel';
import { readLinkEmailAction } from './actions';

/**
 * How the link just made is shown: which action follows its email (with the fields it needs),
 * and whether the viewer is pointed to the host's email settings. The host Users page's own by
 * default; an account's Users page passes its account-bound one.
 */
export interface LinkPanelOptions {
  readEmail: LinkEmailReader;
  hostAdmin: boolean;
}

export const hostUsersPanel: LinkPanelOptions = {
  readEmail: { action: readLinkEmailAction },
  hostAdmin: true,
};

/**
 * A section of the edit dialog that makes a link for the user (a new invite link, a reset
 * link) and then shows it with Copy and its email's status. Each press makes a new link.
 */
export function IssueLinkSection(props: {
  user: { id: string; email: string };
  kind: LinkKind;
  action: FormAction<IssuedLink>;
  title: string;
  explanation: ReactNode;
  labels: { make: string; makeAgain: string; making: string };
  panel?: LinkPanelOptions;
}) {
  const panel = props.panel ?? hostUsersPanel;
  const headingId = useId();
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {props.title}
      </h3>
      <p className="text-sm text-slate-600">{props.explanation}</p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <IssuedLinkPanel
          kind={props.kind}
          issued={state.data}
          email={props.user.email}
          readEmail={panel.readEmail}
          hostAdmin={panel.hostAdmin}
        />
      ) : null}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="userId" value={props.user.id} />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? props.labels.making : state?.ok ? props.labels.makeAgain : props.labels.make}
        </Button>
      </form>
    </section>
  );
}
