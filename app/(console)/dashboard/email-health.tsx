import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { healthCountLimit, type EmailHealth } from '@/lib/outbox/email-health';

/**
 * Email at a glance, in the SMTP card: the last day's emails by outcome, what waits, and the
 * last failure in plain words with the way to it. While email is failing, the console's banner
 * (over this page too) says so.
 */
export async function EmailHealthSummary({ health, now }: { health: EmailHealth; now: Date }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const count = (value: number) =>
    value > healthCountLimit
      ? t('dashboard.smtp.health.more', { count: healthCountLimit })
      : format.number(value);
  const figures = [
    { label: t('dashboard.smtp.health.sent'), value: count(health.lastDay.sent) },
    { label: t('dashboard.smtp.health.failed'), value: count(health.lastDay.failed) },
    { label: t('dashboard.smtp.health.held'), value: count(health.lastDay.held) },
    { label: t('dashboard.smtp.health.waiting'), value: count(health.waiting) },
  ];
  const failure = health.lastFailure;
  return (
    <section aria-labelledby="email-health-title" className="mt-5">
      <h3 id="email-health-title" className="text-sm font-semibold text-slate-900">
        {t('dashboard.smtp.health.title')}
      </h3>
      <dl className="mt-2 grid grid-cols-4 gap-2 text-center">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg bg-slate-50 px-2 py-2">
            <dt className="text-xs text-slate-600">{figure.label}</dt>
            <dd className="text-base font-semibold text-slate-900 tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      {health.oldestWaitingSince ? (
        <p className="mt-2 text-sm text-slate-600">
          {t('dashboard.smtp.health.oldestWaiting', {
            since: format.relativeTime(health.oldestWaitingSince, now),
          })}
        </p>
      ) : null}
      {failure ? (
        <p className="mt-2 text-sm/6 text-slate-700">
          {t('dashboard.smtp.health.lastFailure', {
            when: format.relativeTime(failure.at, now),
            recipient: failure.recipient,
          })}{' '}
          {failure.diagnosis
            ? t(
                `smtpDiagnosis.advice.${failure.diagnosis.advice}` as 'smtpDiagnosis.advice.unexpected',
                failure.diagnosis.values as never,
              )
            : null}{' '}
          <Link
            href="/settings/delivery"
            className="font-semibold text-indigo-700 underline hover:text-indigo-900"
          >
            {t('dashboard.smtp.health.deliveryLink')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
