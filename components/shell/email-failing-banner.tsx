import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AlertIcon } from '@/components/ui/icons';
import { failingFor, type EmailFailing } from '@/lib/outbox/email-health';

/**
 * Over every console page of a host admin while email is failing, until it recovers: mail that
 * silently stops is the complaint every self-hosted tool's tracker has.
 */
export async function EmailFailingBanner({ failing }: { failing: EmailFailing }) {
  const t = await getTranslations('emailFailing');
  return (
    <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-3 sm:px-6 md:px-10">
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 text-sm/6 text-red-800">
        <AlertIcon className="size-4 shrink-0" />
        <span>{t(failing.reason, failingFor(failing))}</span>
        <Link href="/settings/delivery" className="font-semibold underline hover:text-red-950">
          {t('link')}
        </Link>
      </p>
    </div>
  );
}
