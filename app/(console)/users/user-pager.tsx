import { getTranslations } from 'next-intl/server';
import { Pager } from '@/components/ui/pager';
import type { KeysetPage } from '@/lib/database/keyset-page';
import { userListHref, type UserListFilters } from './user-list-params';

/** Previous and next under a Users page (the host's or an account's), with how many match. */
export async function UserPager(props: {
  path: string;
  filters: UserListFilters;
  page: KeysetPage<unknown> & { total: number; totalIsAtLeast: boolean };
}) {
  const t = await getTranslations('users');
  const { page, filters } = props;
  return (
    <Pager
      label={t('search.pages')}
      summary={
        page.totalIsAtLeast
          ? t('search.totalAtLeast', { count: page.total })
          : filters.search
            ? t('search.count', { count: page.total, search: filters.search })
            : t('count', { count: page.total })
      }
      previous={{
        href: page.previous && userListHref(props.path, filters, page.previous),
        label: t('search.previous'),
      }}
      next={{
        href: page.next && userListHref(props.path, filters, page.next),
        label: t('search.next'),
      }}
    />
  );
}
