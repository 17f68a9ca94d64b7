import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterSelect, filterFieldClass } from '@/components/ui/filter-select';
import { accountStatusEnum } from '@/db/schema';
import type { AccountListQuery } from '@/lib/accounts/list-accounts';
import { pageSizes } from '@/lib/database/keyset-page';
import { displayNameMaxLength } from '@/lib/field-limits';

/**
 * Find an account: part of its name, its status, managed or not, and the page size. A plain
 * GET form: the filters live in the address, and a new search starts at the first page.
 */
export async function AccountSearch({ query }: { query: AccountListQuery }) {
  const t = await getTranslations('accounts');
  return (
    <form
      // A new key for new filters: Clear (a client-side navigation) must reset the fields,
      // which keep what was chosen while React keeps the same form.
      key={JSON.stringify({ ...query, position: null })}
      role="search"
      method="get"
      action="/accounts"
      className="mb-4 flex flex-wrap gap-2"
    >
      <label htmlFor="account-search" className="sr-only">
        {t('list.searchLabel')}
      </label>
      <input
        id="account-search"
        name="q"
        type="search"
        defaultValue={query.search}
        placeholder={t('list.searchPlaceholder')}
        maxLength={displayNameMaxLength}
        className={`min-w-0 flex-1 ${filterFieldClass}`}
      />
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
      <FilterSelect
        idPrefix="account"
        name="size"
        label={t('list.size')}
        value={String(query.size)}
        options={pageSizes.map((size) => ({
          value: String(size),
          label: t('list.perPage', { size }),
        }))}
      />
      <Button type="submit" variant="secondary">
        {t('list.submit')}
      </Button>
      {query.search || query.status || query.managed !== null ? (
        <Link
          href="/accounts"
          className="self-center text-sm font-medium text-indigo-700 underline"
        >
          {t('list.clear')}
        </Link>
      ) : null}
    </form>
  );
}
