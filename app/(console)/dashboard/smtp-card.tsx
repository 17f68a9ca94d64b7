import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SmtpSwitch } from '@/components/smtp/smtp-switch';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ArrowRightIcon, MailIcon } from '@/components/ui/icons';
import type { EmailHealth } from '@/lib/outbox/email-health';
import type { SmtpSettingsView } from '@/lib/smtp/get-smtp-settings';
import { EmailHealthSummary } from './email-health';
import { setSmtpEnabledAction } from '../settings/smtp/actions';

/** The dashboard's SMTP card for host admins: the same switch as on the SMTP page, and how email fares. */
export async function SmtpCard({
  saved,
  health,
}: {
  saved: SmtpSettingsView | null;
  health: EmailHealth | null;
}) {
  const t = await getTranslations('dashboard.smtp');
  return (
    <Card className="flex flex-col p-6">
      <div className="flex items-start gap-4">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
          <MailIcon />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
            {saved ? null : <Badge tone="warning">{t('status')}</Badge>}
          </div>
          <p className="mt-2 text-sm/6 text-pretty text-slate-600">
            {saved
              ? t('configured', { host: saved.host, sender: saved.senderEmail })
              : t('description')}
          </p>
        </div>
      </div>
      <div className="mt-5">
        <SmtpSwitch
          enabled={saved?.enabled ?? false}
          version={saved?.version ?? null}
          blockedBy={saved ? null : 'notConfigured'}
          place="dashboard"
          action={setSmtpEnabledAction}
          lockedBy={saved?.setBy?.enabled}
        />
      </div>
      {health ? <EmailHealthSummary health={health} now={new Date()} /> : null}
      <div className="mt-6 border-t border-slate-100 pt-4">
        <Link
          href="/settings/smtp"
          className="inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-indigo-700 hover:text-indigo-900"
        >
          {t('link')}
          <ArrowRightIcon className="size-4" />
        </Link>
      </div>
    </Card>
  );
}
