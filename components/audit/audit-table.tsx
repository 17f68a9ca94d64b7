import { getFormatter, getTranslations } from 'next-intl/server';
import type { AuditEventRow } from '@/lib/audit/list-events';
import { eventTypeName, summaryOf } from './event-summary';

/** A field's old and new value, or null for a secret (or CA certificate) recorded only as changed. */
function quotedChange(value: unknown): { from: unknown; to: unknown } | null {
  if (typeof value !== 'object' || value === null || !('to' in value)) return null;
  return value as { from: unknown; to: unknown };
}

/**
 * The audit log: when, what (with a one-line summary), who with their role, what about, and
 * from where. Each row opens to the rest: the browser, the target's id, and for a saved SMTP
 * configuration each changed field (a secret only as "changed").
 */
export async function AuditTable({ rows, caption }: { rows: AuditEventRow[]; caption: string }) {
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'medium' });
  const shown = (value: unknown) =>
    value === null || value === undefined || value === '' ? t('details.empty') : String(value);
  const describe = (change: unknown) => {
    const quoted = quotedChange(change);
    return quoted ? `${shown(quoted.from)} → ${shown(quoted.to)}` : t('details.changed');
  };
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {(['time', 'event', 'actor', 'target', 'client'] as const).map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {t(`column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const changes = row.type === 'smtp.saved' ? Object.entries(row.details) : [];
            return (
              <tr key={row.id} className="align-top">
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                  <time dateTime={row.occurredAt.toISOString()}>{when(row.occurredAt)}</time>
                </td>
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="font-medium text-slate-900">{eventTypeName(row.type, t)}</span>
                  <span className="block text-slate-600">{summaryOf(row, t)}</span>
                  <details className="mt-1">
                    <summary
                      className="cursor-pointer text-indigo-700"
                      aria-label={t('details.showFor', {
                        event: eventTypeName(row.type, t),
                        time: when(row.occurredAt),
                      })}
                    >
                      {t('details.show')}
                    </summary>
                    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
                      {row.actor.userAgent ? (
                        <>
                          <dt className="font-medium">{t('details.userAgent')}</dt>
                          <dd className="break-all">{row.actor.userAgent}</dd>
                        </>
                      ) : null}
                      {row.target.id ? (
                        <>
                          <dt className="font-medium">{t('details.targetId')}</dt>
                          <dd className="break-all">{row.target.id}</dd>
                        </>
                      ) : null}
                      {changes.map(([field, change]) => (
                        <div key={field} className="contents">
                          <dt className="font-medium">
                            {t(`details.field.${field}` as 'details.field.host')}
                          </dt>
                          <dd className="break-all">{describe(change)}</dd>
                        </div>
                      ))}
                    </dl>
                    {!row.actor.userAgent && !row.target.id && changes.length === 0 ? (
                      <p className="mt-2 text-slate-600">{t('details.none')}</p>
                    ) : null}
                  </details>
                </th>
                <td className="px-4 py-3 text-slate-700">
                  <span className="block break-all text-slate-900">
                    {row.actor.email ?? t(`actorKind.${row.actor.kind}`)}
                  </span>
                  {row.actor.role ? (
                    <span className="block text-slate-600">
                      {t(`role.${row.actor.role}` as 'role.host:admin')}
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-3 text-slate-700">
                  <span className="block text-slate-600">{t(`targetKind.${row.target.kind}`)}</span>
                  {row.target.label ? (
                    <span className="block break-all text-slate-900">{row.target.label}</span>
                  ) : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                  {row.actor.clientAddress ?? '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
