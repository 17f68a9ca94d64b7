import type { getTranslations } from 'next-intl/server';
import type { AuditEventType } from '@/lib/audit/event-types';
import type { AuditEventRow } from '@/lib/audit/list-events';

/**
 * The values an event's one-line summary (`audit.summary.<type>`) reads: its details as ICU
 * arguments (numbers stay numbers for `plural`, the rest text for `select`), and for a saved
 * SMTP configuration how many fields changed.
 */
function summaryValues(row: AuditEventRow): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(row.details)) {
    values[name] =
      typeof value === 'number'
        ? value
        : typeof value === 'string' || typeof value === 'boolean'
          ? String(value)
          : '';
  }
  if (row.type === 'smtp.saved') values.count = Object.keys(row.details).length;
  return values;
}

type AuditTranslate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;

/**
 * An event type's name, in the reader's language. Typed loosely: the catalog's key check gives
 * up on a union this long; tests/unit/audit-catalog.test.ts checks every type's name instead.
 */
export function eventTypeName(type: AuditEventType, t: AuditTranslate): string {
  return (t as unknown as (key: string) => string)(`type.${type}`);
}

/** The event's one line under its type, in the reader's language. */
export function summaryOf(row: AuditEventRow, t: AuditTranslate): string {
  // The arguments differ by type, which the catalog's types cannot follow through a variable key.
  const summary = t as unknown as (key: string, values: Record<string, string | number>) => string;
  return summary(`summary.${row.type}`, summaryValues(row));
}
