'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { TokenExchange } from '@/lib/oauth/fetch-token';
import type { SmtpTestDetails as Details } from '@/lib/smtp/send-test-email';

const prefix = { client: 'C:', server: 'S:', note: '  ' } as const;

/** "Show details": the server, the TLS session and certificate, and the whole conversation. */
export function SmtpTestDetails({ details }: { details: Details }) {
  const t = useTranslations('smtpTest.details');
  const format = useFormatter();
  const { tls } = details;
  const rows: [string, string][] = [
    [t('server'), details.server],
    [t('encryption'), t(`encryptionKind.${details.encryption}`)],
    [t('duration'), t('milliseconds', { ms: details.durationMs })],
  ];
  if (tls?.protocol) rows.push([t('tlsVersion'), tls.protocol]);
  if (tls?.cipher) rows.push([t('cipher'), tls.cipher]);
  if (tls?.certificate) {
    const cert = tls.certificate;
    rows.push(
      [t('subject'), cert.subject],
      [t('issuer'), cert.issuer],
      [t('names'), cert.names.join(', ')],
      [
        t('validUntil'),
        format.dateTime(new Date(cert.validTo), { dateStyle: 'medium', timeStyle: 'short' }),
      ],
    );
  }
  const tokenRequests = details.tokenRequests ?? [];
  return (
    <details className="rounded-lg bg-white/70 ring-1 ring-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        {t('show')}
      </summary>
      <div className="space-y-3 px-3 pb-3">
        <DetailList rows={rows} />
        {tokenRequests.map((request, index) => (
          <TokenRequestRows key={index} request={request} />
        ))}
        <div>
          <p className="text-sm font-medium text-slate-800">
            {tokenRequests.length ? t('conversationWithToken') : t('conversation')}
          </p>
          {/* Focusable so keyboard users can scroll a long conversation. */}
          <pre
            tabIndex={0}
            aria-label={tokenRequests.length ? t('conversationWithToken') : t('conversation')}
            className="mt-1 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 text-xs leading-5 text-slate-100"
          >
            {details.conversation.map((line) => `${prefix[line.from]} ${line.text}`).join('\n')}
          </pre>
        </div>
      </div>
    </details>
  );
}

/** One token request: where it went, for whom, and what came back (never the secret or token). */
function TokenRequestRows({ request }: { request: TokenExchange }) {
  const t = useTranslations('smtpTest.details');
  const rows: [string, string][] = [
    [t('tokenEndpoint'), request.endpoint],
    [t('tokenClient'), request.clientId],
    [t('tokenScope'), request.scope || '—'],
  ];
  if (request.subject) rows.push([t('tokenSubject'), request.subject]);
  rows.push([
    t('tokenStatus'),
    request.status === null ? t('noAnswer') : t('httpStatus', { status: request.status }),
  ]);
  if (request.error) rows.push([t('tokenError'), request.error]);
  if (request.expiresInSeconds !== null) {
    rows.push([t('tokenLifetime'), t('seconds', { seconds: request.expiresInSeconds })]);
  }
  rows.push([t('duration'), t('milliseconds', { ms: request.durationMs })]);
  return (
    <div>
      <p className="text-sm font-medium text-slate-800">{t('token')}</p>
      <DetailList rows={rows} className="mt-1" />
    </div>
  );
}

function DetailList({ rows, className = '' }: { rows: [string, string][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm ${className}`}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
