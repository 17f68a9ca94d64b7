'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { completeSetupAction } from './actions';
import { AdminInvitationPanel } from './admin-invitation-panel';
import { AdminInviteFields } from './admin-invite-fields';
import type { ManageableAccount } from './manage-account-dialog';
import { ManageSection } from './manage-section';

/**
 * Complete setup on an account in setup: a new invitation for its pending admin (the old link
 * dies), or, when nobody is waiting any more, an invitation to a new address.
 */
export function CompleteSetupSection(props: {
  account: ManageableAccount;
  smtpEnabled: boolean;
  hostAdmin: boolean;
}) {
  const t = useTranslations('accounts.manage.setup');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(completeSetupAction);
  const waiting = props.account.pendingAdminEmail;
  return (
    <ManageSection title={t('title')}>
      <p className="text-sm text-slate-600">
        {waiting ? t('pending', { email: waiting }) : t('nobody')}{' '}
        {props.smtpEnabled ? t('smtpOn') : t('smtpOff')}
      </p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <>
          <FormMessage tone="success">{t('done', { email: state.data.email })}</FormMessage>
          <AdminInvitationPanel
            accountId={props.account.id}
            invitation={state.data}
            hostAdmin={props.hostAdmin}
          />
        </>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={isPending} className="space-y-4">
          <input type="hidden" name="accountId" value={props.account.id} />
          {waiting ? null : <AdminInviteFields errors={fieldErrors} />}
          <Button type="submit" variant="secondary">
            {isPending ? t('submitting') : t('submit')}
          </Button>
        </fieldset>
      </form>
    </ManageSection>
  );
}
