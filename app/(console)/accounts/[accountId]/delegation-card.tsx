import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { setDelegationAction } from './actions';
import { DelegationForm } from './delegation-form';

/**
 * Delegated user management (the account's own admins). It matters only for an unmanaged
 * account: in a managed one, host admins manage the users already.
 */
export async function DelegationCard(props: {
  account: { id: string; managed: boolean; delegatedUserManagement: boolean };
}) {
  const t = await getTranslations('account.delegation');
  const { account } = props;
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="account-delegation-heading" className="space-y-4">
        <h2 id="account-delegation-heading" className="text-base font-semibold text-slate-900">
          {t('title')}
        </h2>
        {account.managed ? (
          <p className="text-sm text-pretty text-slate-600">{t('managed')}</p>
        ) : (
          <DelegationForm
            accountId={account.id}
            delegated={account.delegatedUserManagement}
            action={setDelegationAction}
          />
        )}
      </section>
    </Card>
  );
}
