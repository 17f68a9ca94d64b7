'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { setAccountStatusAction } from './actions';
import type { ManageableAccount } from './manage-account-dialog';
import { ManageSection } from './manage-section';

/** Deactivate (nobody can open it; roles are kept) or Activate. */
export function AccountStatusSection(props: { account: ManageableAccount }) {
  const t = useTranslations('accounts.manage.status');
  const { state, isPending, onSubmit, formError } = useFormAction(setAccountStatusAction);
  const { account } = props;
  const deactivated = account.status === 'deactivated';
  // The status the server answered with: activating an unmanaged account may land in setup.
  const now = state?.ok ? state.data.status : null;
  return (
    <ManageSection title={t('title')}>
      <p className="text-sm text-slate-600">
        {deactivated
          ? account.managed
            ? t('activateExplain')
            : `${t('activateExplain')} ${t('activateSetupNote')}`
          : t('deactivateExplain')}
      </p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {now ? (
        <FormMessage tone="success">
          {now === 'deactivated'
            ? t('deactivated')
            : now === 'setup'
              ? t('activatedSetup')
              : t('activated')}
        </FormMessage>
      ) : null}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="accountId" value={account.id} />
        <input type="hidden" name="active" value={deactivated ? 'true' : 'false'} />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {deactivated ? t('activate') : t('deactivate')}
        </Button>
      </form>
    </ManageSection>
  );
}
