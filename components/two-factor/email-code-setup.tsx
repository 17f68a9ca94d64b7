'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import { FirstCodeForm, MethodConfirmed, type ConfirmedMethod } from './first-code-form';

/**
 * Turns emailed codes on: a button that emails a code to the user's own address, the field it
 * goes back into, and (for a first method) the recovery codes. `after` follows a confirmation.
 */
export function EmailCodeSetup(props: {
  email: string;
  hostName: string;
  startAction: FormAction<{ sentTo: string }>;
  confirmAction: FormAction<ConfirmedMethod>;
  after?: ReactNode;
}) {
  const t = useTranslations('profileTwoFactor.email');
  const start = useFormAction(props.startAction);
  const confirm = useFormAction(props.confirmAction);

  if (confirm.state?.ok) {
    return (
      <MethodConfirmed
        message={t('confirmed')}
        recoveryCodes={confirm.state.data.recoveryCodes}
        email={props.email}
        hostName={props.hostName}
        after={props.after}
      />
    );
  }
  const sentTo = start.state?.ok ? start.state.data.sentTo : null;
  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={start.onSubmit} className="space-y-3">
        {start.formError ? <FormMessage>{start.formError}</FormMessage> : null}
        {sentTo ? <FormMessage tone="success">{t('sent', { sentTo })}</FormMessage> : null}
        <Button type="submit" variant={sentTo ? 'secondary' : 'primary'} disabled={start.isPending}>
          {start.isPending ? t('starting') : sentTo ? t('sendAgain') : t('start')}
        </Button>
      </form>
      {sentTo ? (
        <FirstCodeForm
          method="email"
          confirm={confirm}
          labels={{
            code: t('code'),
            hint: t('codeHint'),
            submit: t('confirm'),
            submitting: t('confirming'),
          }}
        />
      ) : null}
    </div>
  );
}
