import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterSelect, filterFieldClass } from '@/components/ui/filter-select';
import { pageSizes } from '@/lib/database/keyset-page';
import { emailMaxLength } from '@/lib/field-limits';
import { emailKinds } from '@/lib/outbox/email-kinds';
import { deliveryStatuses, type DeliveryListQuery } from '@/lib/outbox/list-deliveries';
import { deliveryListFiltered, deliveryListHref } from './delivery-list-params';

/**
 * Find an email: part of its recipient, its kind, its status, the days it was queued (UTC, both
 * included), and the page size. A plain GET form: the filters live in the address, and a new
 * search starts at the first page.
 */
export async function DeliverySearch({
  query,
  datesReversed,
}: {
  query: DeliveryListQuery;
  /** The last day is before the first: said beside the dates, so nothing matches unexplained. */
  datesReversed: boolean;
}) {
  const t = await getTranslations('delivery');
  const dateClass = `${filterFieldClass} aria-invalid:border-red-600`;
  return (
    // Keyed by the filters: a client-side navigation (Clear, Back) reuses the form, and its
    // fields would keep what was typed instead of showing the filters of the list below.
    <form
      key={deliveryListHref(query, null)}
      role="search"
      method="get"
      action="/settings/delivery"
      className="mb-4"
    >
      <div className="flex flex-wrap gap-2">
        <label htmlFor="delivery-search" className="sr-only">
          {t('list.searchLabel')}
        </label>
        <input
          id="delivery-search"
          name="q"
          type="search"
          defaultValue={query.recipient}
          placeholder={t('list.searchPlaceholder')}
          maxLength={emailMaxLength}
          className={`min-w-48 flex-1 ${filterFieldClass}`}
        />
        <FilterSelect
          idPrefix="delivery"
          name="kind"
          label={t('column.kind')}
          value={query.kind ?? ''}
          options={[
            { value: '', label: t('list.anyKind') },
            ...emailKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
          ]}
        />
        <FilterSelect
          idPrefix="delivery"
          name="status"
          label={t('column.status')}
          value={query.status ?? ''}
          options={[
            { value: '', label: t('list.anyStatus') },
            ...deliveryStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          {t('list.from')}
          <input
            name="from"
            type="date"
            defaultValue={query.from ?? ''}
            aria-invalid={datesReversed || undefined}
            className={dateClass}
          />
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          {t('list.to')}
          <input
            name="to"
            type="date"
            defaultValue={query.to ?? ''}
            aria-invalid={datesReversed || undefined}
            aria-describedby={datesReversed ? 'delivery-dates-reversed' : undefined}
            className={dateClass}
          />
        </label>
        <FilterSelect
          idPrefix="delivery"
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
        {deliveryListFiltered(query) ? (
          <Link
            href="/settings/delivery"
            className="self-center text-sm font-medium text-indigo-700 underline"
          >
            {t('list.clear')}
          </Link>
        ) : null}
      </div>
      {datesReversed ? (
        <p id="delivery-dates-reversed" role="alert" className="mt-2 text-sm text-red-700">
          {t('list.datesReversed')}
        </p>
      ) : null}
    </form>
  );
}
