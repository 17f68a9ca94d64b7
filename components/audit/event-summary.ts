import type { AuditEventRow } from '@/lib/audit/list-events';
import type { getTranslations } from 'next-intl/server';

/**
 * The values an event's one-line summary (`audit.summary.<type>`) reads from its details, as
 * ICU arguments: text for `select`, numbers for `plural`.
 */
function summaryValues(row: AuditEventRow): Record<string, string | number> {
  const details = row.details;
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  switch (row.type) {
    case 'smtp.saved':
      return { count: Object.keys(details).length };
    case 'smtp.switched':
      return { enabled: text(details.enabled), place: text(details.place) };
    case 'smtp.testSent':
      return {
        to: text(details.to),
        host: text(details.host),
        delivered: text(details.delivered),
        step: text(details.failedStep),
      };
    case 'account.created':
      return { managed: text(details.managed), administrator: text(details.administrator) };
    case 'account.deleted':
      return { members: number(details.members), deactivated: number(details.deactivatedUsers) };
    case 'account.delegationChanged':
      return { delegated: text(details.delegated) };
    default:
      return { from: text(details.from), to: text(details.to) };
  }
}

/** The event's one line under its type, in the reader's language. */
export function summaryOf(
  row: AuditEventRow,
  t: Awaited<ReturnType<typeof getTranslations<'audit'>>>,
): string {
  // The arguments differ by type, which the catalog's types cannot follow through a variable key.
  const summary = t as unknown as (key: string, values: Record<string, string | number>) => string;
  return summary(`summary.${row.type}`, summaryValues(row));
}
