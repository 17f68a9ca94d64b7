import { getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/ui/filter-select';
import { ListSearchForm } from '@/components/ui/list-search-form';
import { userStatusEnum } from '@/db/schema';
import { pageSizes } from '@/lib/database/keyset-page';
import { emailMaxLength } from '@/lib/field-limits';
import type { UserRoleFilter } from '@/lib/users/list-users';
import { isFiltered, type UserListFilters } from './user-list-params';

/**
 * Find a user: part of the address, status, role, on the host page an account, and the page
 * size. A plain GET form to `path`: the filters live in the address, a new search starts at the
 * first page.
 */
export async function UserSearch(props: {
  path: string;
  filters: UserListFilters;
  /** The roles offered: host and account roles on the host page, account roles on an account's. */
  roles: { value: UserRoleFilter; label: string }[];
  /**
   * The host page's account filter; absent on an account's own Users page, and where the
   * viewer has more accounts than a select should hold.
   */
  accounts?: { id: string; name: string }[];
}) {
  const t = await getTranslations('users');
  const { filters } = props;
  return (
    <ListSearchForm
      key={JSON.stringify({ ...filters, position: null })}
      action={props.path}
      idPrefix="user"
      search={{
        label: t('search.label'),
        placeholder: t('search.placeholder'),
        value: filters.search,
        maxLength: emailMaxLength,
      }}
      size={{
        label: t('search.size'),
        value: filters.size,
        choices: pageSizes,
        optionLabel: (size) => t('search.perPage', { size }),
      }}
      submitLabel={t('search.submit')}
      clear={isFiltered(filters) ? { href: props.path, label: t('search.clear') } : null}
    >
      {!props.accounts && filters.accountId ? (
        // Too many accounts for a select: the one picked (from the Accounts page) stays.
        <input type="hidden" name="account" value={filters.accountId} />
      ) : null}
      {props.accounts && props.accounts.length > 0 ? (
        <FilterSelect
          idPrefix="user"
          name="account"
          label={t('search.account')}
          value={filters.accountId ?? ''}
          options={[
            { value: '', label: t('search.allAccounts') },
            ...props.accounts.map((account) => ({ value: account.id, label: account.name })),
          ]}
        />
      ) : null}
      <FilterSelect
        idPrefix="user"
        name="status"
        label={t('column.status')}
        value={filters.status ?? ''}
        options={[
          { value: '', label: t('search.anyStatus') },
          ...userStatusEnum.enumValues.map((status) => ({
            value: status,
            label: t(`status.${status}`),
          })),
        ]}
      />
      <FilterSelect
        idPrefix="user"
        name="role"
        label={t('search.role')}
        value={filters.role ?? ''}
        options={[{ value: '', label: t('search.anyRole') }, ...props.roles]}
      />
    </ListSearchForm>
  );
}
