import { userStatusEnum, type UserStatus } from '@/db/schema';
import {
  pageSizeParam,
  defaultPageSize,
  type PagePosition,
  type PageSize,
} from '@/lib/database/keyset-page';
import { emailMaxLength } from '@/lib/field-limits';
import { searchParam } from '@/lib/http/search-param';
import { userRoleFilters, type UserRoleFilter } from '@/lib/users/list-users';

/** A Users page's address: its filters and its position, so Back and reload keep them. */
export type UserListParams = Record<
  'q' | 'account' | 'status' | 'role' | 'size' | 'after' | 'before',
  string | string[] | undefined
>;

/** What a Users page (the host's, or an account's) shows: filters and a position by email. */
export interface UserListFilters {
  search: string;
  /** The host page's account filter, as asked; the page checks it against what it offers. */
  accountId: string | null;
  status: UserStatus | null;
  role: UserRoleFilter | null;
  position: PagePosition;
  size: PageSize;
}

const statuses: readonly string[] = userStatusEnum.enumValues;
const roles: readonly string[] = userRoleFilters;

/** Anything in the address the page cannot use is left out, never an error. */
export function userListFilters(params: UserListParams): UserListFilters {
  const status = searchParam(params.status);
  const role = searchParam(params.role);
  const after = searchParam(params.after, emailMaxLength);
  const before = searchParam(params.before, emailMaxLength);
  return {
    search: searchParam(params.q),
    accountId: searchParam(params.account) || null,
    status: statuses.includes(status) ? (status as UserStatus) : null,
    role: roles.includes(role) ? (role as UserRoleFilter) : null,
    position: after ? { after } : before ? { before } : null,
    size: pageSizeParam(searchParam(params.size)),
  };
}

/** Whether anything narrows the list (the page then says "no user matches", not "no users"). */
export function isFiltered(filters: UserListFilters): boolean {
  return Boolean(filters.search || filters.accountId || filters.status || filters.role);
}

/** The address of the same list (same filters) at another position; `path` is the page's. */
export function userListHref(path: string, filters: UserListFilters, position: PagePosition) {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.accountId) params.set('account', filters.accountId);
  if (filters.status) params.set('status', filters.status);
  if (filters.role) params.set('role', filters.role);
  if (filters.size !== defaultPageSize) params.set('size', String(filters.size));
  if (position && 'after' in position) params.set('after', position.after);
  if (position && 'before' in position) params.set('before', position.before);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
