import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AlertIcon } from '@/components/ui/icons';
import type { CertificateWarning } from '@/lib/smtp/server-certificate';

/**
 * Over every console page of a host admin while the SMTP server's certificate expires within
 * 14 days: the date is known weeks ahead, and once it passes every email fails at once.
 */
export async function CertificateExpiringBanner({ warning }: { warning: CertificateWarning }) {
  const t = await getTranslations('certificateExpiring');
  const format = await getFormatter();
  const date = format.dateTime(warning.validTo, { dateStyle: 'long' });
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-3 sm:px-6 md:px-10">
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 text-sm/6 text-amber-900">
        <AlertIcon className="size-4 shrink-0" />
        <span>
          {warning.days < 0
            ? t('expired', { host: warning.host, date })
            : t('expiring', { host: warning.host, days: warning.days, date })}
        </span>
        <Link href="/settings/smtp" className="font-semibold underline hover:text-amber-950">
          {t('link')}
        </Link>
      </p>
    </div>
  );
}
