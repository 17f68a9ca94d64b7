import { getTranslations } from 'next-intl/server';
import { DayRangeFields } from '@/components/ui/day-range-fields';
import { FilterSelect } from '@/components/ui/filter-select';
import { ListSearchForm } from '@/components/ui/list-search-form';
import { auditActorKinds } from '@/lib/audit/audit-actor';
import { auditEventTypes, type AuditEventType } from '@/lib/audit/event-types';
import type { AuditListQuery } from '@/lib/audit/list-events';
import { auditTargetKinds } from '@/lib/audit/record-event';
import { pageSizes } from '@/lib/database/keyset-page';
import { eventTypeName } from './event-summary';
import { emailMaxLength } from '@/lib/field-limits';

/**
 * Find an event: part of an email or name it holds, who acted (a user, a visitor, the system,
 * the command line), what it is about, its type, the days it happened (UTC), and the page size.
 */
export async function AuditSearch({
  query,
  path,
  filtered,
  datesReversed,
  types = auditEventTypes,
}: {
  query: AuditListQuery;
  /** The page the form searches (the host's log, or an account's Activity). */
  path: string;
  filtered: boolean;
  datesReversed: boolean;
  /** The event types worth offering on this page. */
  types?: readonly AuditEventType[];
}) {
  const t = await getTranslations('audit');
  return (
    <ListSearchForm
      key={JSON.stringify({ ...query, position: null })}
      action={path}
      idPrefix="audit"
      search={{
        label: t('list.searchLabel'),
        placeholder: t('list.searchPlaceholder'),
        value: query.text,
        maxLength: emailMaxLength,
      }}
      size={{
        label: t('list.size'),
        value: query.size,
        choices: pageSizes,
        optionLabel: (size) => t('list.perPage', { size }),
      }}
      submitLabel={t('list.submit')}
      clear={filtered ? { href: path, label: t('list.clear') } : null}
      footer={
        datesReversed ? (
          <p id="audit-dates-reversed" role="alert" className="mt-2 text-sm text-red-700">
            {t('list.datesReversed')}
          </p>
        ) : null
      }
    >
      <FilterSelect
        idPrefix="audit"
        name="type"
        label={t('list.typeLabel')}
        value={query.type ?? ''}
        options={[
          { value: '', label: t('list.anyType') },
          ...types.map((type) => ({ value: type, label: eventTypeName(type, t) })),
        ]}
      />
      <FilterSelect
        idPrefix="audit"
        name="actor"
        label={t('list.actorLabel')}
        value={query.actorKind ?? ''}
        options={[
          { value: '', label: t('list.anyActor') },
          ...auditActorKinds.map((kind) => ({ value: kind, label: t(`actorKind.${kind}`) })),
        ]}
      />
      <FilterSelect
        idPrefix="audit"
        name="target"
        label={t('list.targetLabel')}
        value={query.targetKind ?? ''}
        options={[
          { value: '', label: t('list.anyTarget') },
          ...auditTargetKinds.map((kind) => ({ value: kind, label: t(`targetKind.${kind}`) })),
        ]}
      />
      <DayRangeFields
        from={{ label: t('list.from'), value: query.from }}
        to={{ label: t('list.to'), value: query.to }}
        reversed={datesReversed}
        reversedMessageId="audit-dates-reversed"
      />
    </ListSearchForm>
  );
}
