import { getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/ui/filter-select';
import { ListSearchForm } from '@/components/ui/list-search-form';
import { accountStatusEnum } from '@/db/schema';
import type { AccountListQuery } from '@/lib/accounts/list-accounts';
import { pageSizes } from '@/lib/database/keyset-page';
import { displayNameMaxLength } from '@/lib/field-limits';

/** Find an account: part of its name, its status, managed or not, and the page size. */
export async function AccountSearch({ query }: { query: AccountListQuery }) {
  const t = await getTranslations('accounts');
  const filtered = Boolean(query.search || query.status || query.managed !== null);
  return (
    <ListSearchForm
      key={JSON.stringify({ ...query, position: null })}
      action="/accounts"
      idPrefix="account"
      search={{
        label: t('list.searchLabel'),
        placeholder: t('list.searchPlaceholder'),
        value: query.search,
        maxLength: displayNameMaxLength,
      }}
      size={{
        label: t('list.size'),
        value: query.size,
        choices: pageSizes,
        optionLabel: (size) => t('list.perPage', { size }),
      }}
      submitLabel={t('list.submit')}
      clear={filtered ? { href: '/accounts', label: t('list.clear') } : null}
    >
      <FilterSelect
        idPrefix="account"
        name="status"
        label={t('column.status')}
        value={query.status ?? ''}
        options={[
          { value: '', label: t('list.anyStatus') },
          ...accountStatusEnum.enumValues.map((status) => ({
            value: status,
            label: t(`status.${status}`),
          })),
        ]}
      />
      <FilterSelect
        idPrefix="account"
        name="managed"
        label={t('column.managed')}
        value={query.managed === null ? '' : query.managed ? 'yes' : 'no'}
        options={[
          { value: '', label: t('list.anyManagement') },
          { value: 'yes', label: t('managed.managed') },
          { value: 'no', label: t('managed.unmanaged') },
        ]}
      />
    </ListSearchForm>
  );
}
