import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { ListIcon } from '@/components/ui/icons';
import { Pager } from '@/components/ui/pager';
import { buttonClassName } from '@/components/ui/button-styles';
import type { AuditEventType } from '@/lib/audit/event-types';
import type { AuditListQuery, AuditPage } from '@/lib/audit/list-events';
import type { PagePosition } from '@/lib/database/keyset-page';
import { AuditSearch } from './audit-search';
import { AuditTable } from './audit-table';

/**
 * A page of the audit log under its search, with the pager; or why there is nothing: no event
 * yet, or none matching. The host's log and an account's Activity differ only in their scope,
 * their address and the event types they offer.
 */
export async function AuditLogView(props: {
  query: AuditListQuery;
  page: AuditPage;
  path: string;
  caption: string;
  emptyHint: string;
  types?: readonly AuditEventType[];
  /** The address of the same log at another position. */
  hrefAt: (position: PagePosition) => string;
  /** The CSV download of every event the filters match, not only this page's. */
  exportHref: string;
}) {
  const t = await getTranslations('audit');
  const { query, page } = props;
  const filtered = Boolean(
    query.text || query.actorKind || query.targetKind || query.type || query.from || query.to,
  );
  // ISO days compare as text; such a range matches nothing, and the form says why.
  const datesReversed = Boolean(query.from && query.to && query.to < query.from);
  const narrowed = filtered || query.position !== null;
  return (
    <>
      {page.total > 0 || narrowed ? (
        <AuditSearch
          query={query}
          path={props.path}
          filtered={filtered}
          datesReversed={datesReversed}
          types={props.types}
        />
      ) : null}
      {page.rows.length > 0 ? (
        <>
          <div className="mb-3 flex justify-end">
            {/* A plain link: the download is a file, not a page to prefetch or navigate to. */}
            <a href={props.exportHref} download className={buttonClassName('secondary')}>
              {filtered ? t('export.filtered') : t('export.all')}
            </a>
          </div>
          <AuditTable rows={page.rows} caption={props.caption} />
          <Pager
            label={t('list.pages')}
            summary={
              page.totalIsAtLeast
                ? t('list.totalAtLeast', { count: page.total })
                : t('list.total', { count: page.total })
            }
            previous={{
              href: page.previous && props.hrefAt(page.previous),
              label: t('list.previous'),
            }}
            next={{ href: page.next && props.hrefAt(page.next), label: t('list.next') }}
          />
        </>
      ) : (
        <EmptyState
          icon={<ListIcon />}
          title={narrowed ? t('list.noneTitle') : t('empty')}
          description={narrowed ? t('list.noneDescription') : props.emptyHint}
        />
      )}
    </>
  );
}
