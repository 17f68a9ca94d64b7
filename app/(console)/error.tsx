'use client';

import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button-link';
import { ErrorNotice } from '@/components/ui/error-notice';

/** Shown inside the console shell when a page throws; the header and sidebar keep working. */
export default function ConsoleError(props: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <ErrorNotice
      {...props}
      className="mx-auto max-w-lg py-12"
      titleClassName="text-2xl tracking-tight"
      wayOut={
        <ButtonLink href="/dashboard" variant="secondary">
          {t('home')}
        </ButtonLink>
      }
    />
  );
}
