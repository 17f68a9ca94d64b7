import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { FormAction } from '@/lib/actions/action-result';
import type { DeliveryRow } from '@/lib/outbox/list-deliveries';
import { HeldLink } from './held-link';
import { ResendButton } from './resend-button';

const tones = {
  queued: 'neutral',
  sending: 'accent',
  sent: 'success',
  failed: 'warning',
  held: 'warning',
  cancelled: 'neutral',
} as const;

/**
 * The delivery log: recipient, kind, status, attempts, last error in plain words, times. A held
 * email says why it was not sent and shows its links to copy.
 */
export async function DeliveryTable({
  rows,
  resendAction,
}: {
  rows: DeliveryRow[];
  resendAction: FormAction;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t('delivery.title')}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {(
              ['recipient', 'kind', 'status', 'attempts', 'lastError', 'time', 'actions'] as const
            ).map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {t(`delivery.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-3 text-left font-normal break-all text-slate-900">
                {row.recipient}
              </th>
              <td className="px-4 py-3 text-slate-700">
                {t(`delivery.kind.${row.kind}` as 'delivery.kind.other')}
              </td>
              <td className="px-4 py-3">
                <Badge tone={tones[row.status]}>{t(`delivery.status.${row.status}`)}</Badge>
              </td>
              <td className="px-4 py-3 text-slate-700">{row.attempts}</td>
              <td className="max-w-md px-4 py-3 text-slate-700">
                {row.status === 'held' ? (
                  <>
                    {t('delivery.held.explanation')}
                    {row.heldLinks.map((link) => (
                      <HeldLink key={link} link={link} recipient={row.recipient} />
                    ))}
                  </>
                ) : row.lastError && row.status !== 'sent' ? (
                  t(
                    `smtpDiagnosis.advice.${row.lastError.advice}` as 'smtpDiagnosis.advice.unexpected',
                    row.lastError.values as never,
                  )
                ) : (
                  '—'
                )}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {row.status === 'sent' && row.sentAt
                  ? t('delivery.sentAt', { time: when(row.sentAt) })
                  : row.status === 'queued'
                    ? t('delivery.nextAttempt', { time: when(row.nextAttemptAt) })
                    : when(row.updatedAt)}
              </td>
              <td className="px-4 py-3">
                {row.resendable ? (
                  <ResendButton id={row.id} recipient={row.recipient} action={resendAction} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
