import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { AccountInScope } from '@/lib/auth/load-account-scope';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';

/** How the viewer reaches the account: their own role in it, or else their host role. */
export type AccountAccess = { via: 'account'; role: AccountRole } | { via: 'host'; role: HostRole };

function Fact(props: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-slate-600">{props.label}</dt>
      <dd className="mt-1 text-sm font-medium text-slate-900">{props.value}</dd>
      {props.hint ? (
        <dd className="mt-1 text-sm text-pretty text-slate-600">{props.hint}</dd>
      ) : null}
    </div>
  );
}

/** The account at a glance: status, managed or not, its users, and the viewer's access. */
export async function AccountFacts(props: {
  account: AccountInScope;
  userCount: number;
  access: AccountAccess | null;
}) {
  const t = await getTranslations();
  const { account, access } = props;
  const managementHint = account.managed
    ? t('account.facts.managedHint')
    : account.delegatedUserManagement
      ? `${t('account.facts.unmanagedHint')} ${t('account.facts.delegatedHint')}`
      : t('account.facts.unmanagedHint');
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="account-facts-heading">
        <h2 id="account-facts-heading" className="text-base font-semibold text-slate-900">
          {t('account.facts.title')}
        </h2>
        <dl className="mt-4 grid gap-x-8 gap-y-5 sm:grid-cols-2">
          <Fact
            label={t('account.facts.status')}
            value={
              <Badge tone={account.status === 'active' ? 'success' : 'warning'}>
                {t(`account.facts.statusValue.${account.status}`)}
              </Badge>
            }
            hint={account.status === 'setup' ? t('account.facts.setupHint') : undefined}
          />
          <Fact
            label={t('account.facts.management')}
            value={account.managed ? t('account.facts.managed') : t('account.facts.unmanaged')}
            hint={managementHint}
          />
          <Fact
            label={t('account.facts.users')}
            value={t('account.facts.userCount', { count: props.userCount })}
          />
          {access ? (
            <Fact
              label={t('account.facts.access')}
              value={
                access.via === 'account'
                  ? t('account.facts.accountRole', { role: t(`users.roles.${access.role}`) })
                  : t('account.facts.hostRole', { role: t(`users.hostRole.${access.role}`) })
              }
            />
          ) : null}
        </dl>
      </section>
    </Card>
  );
}
