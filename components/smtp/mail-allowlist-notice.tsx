import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { MailAllowlist } from '@/lib/mail/allowlist';

/**
 * Says that this deployment emails only the addresses of its allow-list and holds the rest
 * (SMTP page and delivery log); nothing without an allow-list.
 */
export async function MailAllowlistNotice({ allowlist }: { allowlist: MailAllowlist | null }) {
  if (!allowlist) return null;
  const t = await getTranslations('mailAllowlist');
  const { entries, invalid, reason } = allowlist;
  return (
    <section
      aria-labelledby="mail-allowlist-title"
      className="mb-6 space-y-1 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <h2 id="mail-allowlist-title" className="font-semibold">
        {t('title')}
      </h2>
      <p>
        {entries.length > 0
          ? t('only', { list: entries.join(', '), reason })
          : t('nobody', { reason })}
      </p>
      {invalid.length > 0 ? <p>{t('ignored', { entries: invalid.join(', ') })}</p> : null}
      <p>
        {t.rich('held', {
          link: (chunks) => (
            <Link href="/settings/delivery" className="font-medium underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
