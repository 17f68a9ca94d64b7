import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { displayNameMaxLength } from '@/lib/field-limits';
import { deleteOwnAccountAction, renameOwnAccountAction } from './actions';
import { DeleteAccountForm } from './delete-account-form';
import { RenameAccountForm } from './rename-account-form';

/** Settings (account admins; host admins and standard users in managed accounts): name, delete. */
export async function AccountSettingsCard(props: {
  account: { id: string; name: string };
  onlyAccount: boolean;
}) {
  const t = await getTranslations('account.settings');
  const { account } = props;
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="account-settings-heading" className="space-y-6">
        <h2 id="account-settings-heading" className="text-base font-semibold text-slate-900">
          {t('title')}
        </h2>
        <RenameAccountForm
          accountId={account.id}
          name={account.name}
          maxLength={displayNameMaxLength}
          action={renameOwnAccountAction}
        />
        <DeleteAccountForm
          // A rename changes the name to type: start the confirmation afresh.
          key={account.name}
          accountId={account.id}
          name={account.name}
          onlyAccount={props.onlyAccount}
          action={deleteOwnAccountAction}
        />
      </section>
    </Card>
  );
}
