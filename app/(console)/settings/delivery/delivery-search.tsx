import { getTranslations } from 'next-intl/server';
import { DayRangeFields } from '@/components/ui/day-range-fields';
import { FilterSelect } from '@/components/ui/filter-select';
import { ListSearchForm } from '@/components/ui/list-search-form';
import { pageSizes } from '@/lib/database/keyset-page';
import { emailMaxLength } from '@/lib/field-limits';
import { emailKinds } from '@/lib/outbox/email-kinds';
import { deliveryStatuses, type DeliveryListQuery } from '@/lib/outbox/list-deliveries';
import { deliveryListFiltered, deliveryListHref } from './delivery-list-params';

/**
 * Find an email: part of its recipient, its kind, its status, the days it was queued (UTC, both
 * included), and the page size.
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
  return (
    <ListSearchForm
      key={deliveryListHref(query, null)}
      action="/settings/delivery"
      idPrefix="delivery"
      search={{
        label: t('list.searchLabel'),
        placeholder: t('list.searchPlaceholder'),
        value: query.recipient,
        maxLength: emailMaxLength,
      }}
      size={{
        label: t('list.size'),
        value: query.size,
        choices: pageSizes,
        optionLabel: (size) => t('list.perPage', { size }),
      }}
      submitLabel={t('list.submit')}
      clear={
        deliveryListFiltered(query) ? { href: '/settings/delivery', label: t('list.clear') } : null
      }
      footer={
        datesReversed ? (
          <p id="delivery-dates-reversed" role="alert" className="mt-2 text-sm text-red-700">
            {t('list.datesReversed')}
          </p>
        ) : null
      }
    >
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
      <DayRangeFields
        from={{ label: t('list.from'), value: query.from }}
        to={{ label: t('list.to'), value: query.to }}
        reversed={datesReversed}
        reversedMessageId="delivery-dates-reversed"
      />
    </ListSearchForm>
  );
}
