'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { LinkEmailReader } from './link-email-reader';
import type { LinkEmailState } from '@/lib/outbox/link-email-state';
import type { LinkKind } from './issued-link-panel';

const settled = new Set(['sent', 'failed', 'cancelled', 'held']);

/**
 * The emailed copy of a link (invitation or reset), followed live: asks the server every second at first, then
 * less often, until the email is sent, has failed for good, or was cancelled.
 */
export function LinkEmailStatus(props: {
  emailId: string;
  email: string;
  kind: LinkKind;
  read: LinkEmailReader;
  /** Host admins get a pointer to Email delivery when the email cannot go out. */
  hostAdmin: boolean;
}) {
  const t = useTranslations('users.delivery');
  const format = useFormatter();
  const [delivery, setDelivery] = useState<LinkEmailState | null>(null);

  const readAction = props.read.action;
  // Compared as text: a parent re-rendering with an equal object must not restart the polling.
  const readFields = JSON.stringify(props.read.fields ?? {});
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    async function poll(round: number) {
      const form = new FormData();
      for (const [name, value] of Object.entries(
        JSON.parse(readFields) as Record<string, string>,
      )) {
        form.set(name, value);
      }
      form.set('emailId', props.emailId);
      const result = await readAction(null, form).catch(() => null);
      if (stopped) return;
      if (result?.ok) setDelivery(result.data);
      if (result?.ok && settled.has(result.data.status)) return;
      timer = setTimeout(() => poll(round + 1), Math.min(1000 * 1.5 ** round, 10_000));
    }
    void poll(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [props.emailId, readAction, readFields]);

  const time = (date: Date) => format.dateTime(new Date(date), { timeStyle: 'short' });
  const status = delivery?.status ?? 'queued';
  const tone =
    status === 'sent'
      ? 'bg-emerald-50 text-emerald-900 ring-emerald-200'
      : status === 'failed' || delivery?.problem
        ? 'bg-amber-50 text-amber-900 ring-amber-200'
        : 'bg-slate-50 text-slate-800 ring-slate-200';
  return (
    <div role="status" className={`rounded-lg px-3 py-2 text-sm ring-1 ${tone}`}>
      <p>
        {status === 'sent' && delivery?.sentAt
          ? t('sent', { kind: props.kind, email: props.email, time: time(delivery.sentAt) })
          : status === 'failed'
            ? t('failed', { kind: props.kind, email: props.email })
            : status === 'cancelled'
              ? t('cancelled')
              : status === 'held'
                ? t('held', { kind: props.kind, email: props.email })
                : delivery?.problem && delivery.attempts > 0
                  ? t('retrying', { time: time(delivery.nextAttemptAt) })
                  : t(status === 'sending' ? 'sending' : 'queued', {
                      kind: props.kind,
                      email: props.email,
                    })}
      </p>
      {delivery?.problem ? <p className="mt-1">{delivery.problem}</p> : null}
      {(status === 'failed' || status === 'held') && props.hostAdmin ? (
        <p className="mt-1">
          {t('shareInstead')}{' '}
          <Link href="/settings/delivery" className="font-medium underline">
            {t('openLog')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
