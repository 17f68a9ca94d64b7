import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { accountPageSizes, type AccountListQuery } from '@/lib/accounts/list-accounts';
import { displayNameMaxLength } from '@/lib/field-limits';

const fieldClass =
  'rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:outline-2 focus:outline-indigo-600';

/**
 * Find an account: part of its name, its status, managed or not, and the page size. A plain
 * GET form: the filters live in the address, and a new search starts at the first page.
 */
export async function AccountSearch({ query }: { query: AccountListQuery }) {
  const t = await getTranslations('accounts');
  return (
    <form role="search" method="get" action="/accounts" className="mb-4 flex flex-wrap gap-2">
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
        className={`min-w-0 flex-1 ${fieldClass}`}
      />
      <label htmlFor="account-status" className="sr-only">
        {t('column.status')}
      </label>
      <select
        id="account-status"
        name="status"
        defaultValue={query.status ?? ''}
        className={fieldClass}
      >
        <option value="">{t('list.anyStatus')}</option>
        {(['active', 'setup', 'deactivated'] as const).map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <label htmlFor="account-managed" className="sr-only">
        {t('column.managed')}
      </label>
      <select
        id="account-managed"
        name="managed"
        defaultValue={query.managed === null ? '' : query.managed ? 'yes' : 'no'}
        className={fieldClass}
      >
        <option value="">{t('list.anyManagement')}</option>
        <option value="yes">{t('managed.managed')}</option>
        <option value="no">{t('managed.unmanaged')}</option>
      </select>
      <label htmlFor="account-size" className="sr-only">
        {t('list.size')}
      </label>
      <select
        id="account-size"
        name="size"
        defaultValue={String(query.size)}
        className={fieldClass}
      >
        {accountPageSizes.map((size) => (
          <option key={size} value={size}>
            {t('list.perPage', { size })}
          </option>
        ))}
      </select>
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
