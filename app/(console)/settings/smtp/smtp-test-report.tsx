'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { SmtpTestReport } from '@/lib/smtp/send-test-email';
import { daysUntilExpiry } from '@/lib/smtp/tls-details';
import { SmtpTestDetails } from './smtp-test-details';

/** Refusals of password sign-in that OAuth2 solves, and the provider to switch the form to. */
const oauthSolves: Record<string, 'microsoft' | 'google'> = {
  basicAuthDisabled: 'microsoft',
  appPasswordRequired: 'google',
};

/** The outcome of a test email: accepted with the server's reply, or the diagnosis. */
export function SmtpTestReportView({
  report,
  testedAt,
  onSwitchToOAuth,
}: {
  report: SmtpTestReport;
  testedAt: string;
  /** Switches the form to Sign in with OAuth2 for this provider. */
  onSwitchToOAuth?: (provider: 'microsoft' | 'google') => void;
}) {
  const t = useTranslations('smtpTest');
  const tDiagnosis = useTranslations('smtpDiagnosis');
  const format = useFormatter();
  const certificate = report.details.tls?.certificate;
  const expiresInDays = certificate ? daysUntilExpiry(certificate) : null;

  return (
    <section
      aria-label={t('resultLabel')}
      className={
        report.ok
          ? 'space-y-3 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200'
          : 'space-y-3 rounded-xl bg-red-50 p-4 ring-1 ring-red-200'
      }
    >
      <p className="text-xs text-slate-600">
        {t('testedAt', {
          time: format.dateTime(new Date(testedAt), { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </p>
      {report.ok ? (
        <>
          <p className="font-semibold text-emerald-900">
            {t('delivered', { recipient: report.recipient })}
          </p>
          <p className="text-sm text-emerald-900">
            {t('serverReply')} <code className="break-all">{report.response}</code>
          </p>
          <p className="text-sm text-emerald-900">
            {t('messageId')} <code className="break-all">{report.messageId}</code>
          </p>
        </>
      ) : (
        <>
          <p className="font-semibold text-red-900">
            {t('failedAt', { step: tDiagnosis(`step.${report.diagnosis.step}`) })}
          </p>
          <p className="text-sm text-red-900">
            {tDiagnosis(
              `advice.${report.diagnosis.advice}` as 'advice.unexpected',
              report.diagnosis.values as never,
            )}
          </p>
          {report.diagnosis.serverReply ? (
            <p className="text-sm text-red-900">
              {t('serverSaid')}{' '}
              <q className="font-mono break-all">{report.diagnosis.serverReply}</q>
            </p>
          ) : null}
          {report.diagnosis.code ? (
            <p className="text-xs text-red-800">{t('code', { code: report.diagnosis.code })}</p>
          ) : null}
          {onSwitchToOAuth && oauthSolves[report.diagnosis.advice] ? (
            <button
              type="button"
              className="rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
              onClick={() => onSwitchToOAuth(oauthSolves[report.diagnosis.advice]!)}
            >
              {t('switchToOAuth')}
            </button>
          ) : null}
        </>
      )}
      {certificate && expiresInDays !== null && expiresInDays <= 14 ? (
        <p
          role="alert"
          className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('certificateExpiresSoon', {
            days: Math.max(0, expiresInDays),
            date: format.dateTime(new Date(certificate.validTo), { dateStyle: 'medium' }),
          })}
        </p>
      ) : null}
      <SmtpTestDetails details={report.details} />
    </section>
  );
}
