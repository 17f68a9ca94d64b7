'use client';

import { useId, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { IssuedLinkPanel, type LinkKind } from '@/components/links/issued-link-panel';
import { readLinkEmailAction } from './actions';

/**
 * A section of the edit dialog that makes a link for the user (a new invite link, a reset
 * link) and then shows it with Copy and its email's status. Each press makes a new link.
 */
export function IssueLinkSection(props: {
  user: UserRow;
  kind: LinkKind;
  action: FormAction<IssuedLink>;
  title: string;
  explanation: ReactNode;
  labels: { make: string; makeAgain: string; making: string };
}) {
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
          readEmail={{ action: readLinkEmailAction }}
          hostAdmin
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
