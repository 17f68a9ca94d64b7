import { accountStatusEnum, type AccountStatus } from '@/db/schema';
import type { AccountListQuery } from '@/lib/accounts/list-accounts';
import { defaultPageSize, pageSizeParam, type PagePosition } from '@/lib/database/keyset-page';
import { displayNameMaxLength } from '@/lib/field-limits';
import { searchParam } from '@/lib/http/search-param';

/** The Accounts page's address: its filters and its position, so Back and reload keep them. */
export type AccountListParams = Record<
  'q' | 'status' | 'managed' | 'size' | 'after' | 'before',
  string | string[] | undefined
>;

const statuses: readonly string[] = accountStatusEnum.enumValues;

/** Anything in the address the page cannot use is left out, never an error. */
export function accountListQuery(params: AccountListParams): AccountListQuery {
  const status = searchParam(params.status);
  const managed = searchParam(params.managed);
  const after = searchParam(params.after, displayNameMaxLength);
  const before = searchParam(params.before, displayNameMaxLength);
  return {
    search: searchParam(params.q, displayNameMaxLength),
    status: statuses.includes(status) ? (status as AccountStatus) : null,
    managed: managed === 'yes' ? true : managed === 'no' ? false : null,
    position: after ? { after } : before ? { before } : null,
    size: pageSizeParam(searchParam(params.size)),
  };
}

/** The address of the same list (same filters) at another position. */
export function accountListHref(query: AccountListQuery, position: PagePosition): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.status) params.set('status', query.status);
  if (query.managed !== null) params.set('managed', query.managed ? 'yes' : 'no');
  if (query.size !== defaultPageSize) params.set('size', String(query.size));
  if (position && 'after' in position) params.set('after', position.after);
  if (position && 'before' in position) params.set('before', position.before);
  const text = params.toString();
  return text ? `/accounts?${text}` : '/accounts';
}
