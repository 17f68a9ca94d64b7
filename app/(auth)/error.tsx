'use client';

import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button-link';
import { ErrorNotice } from '@/components/ui/error-notice';

/** Shown inside the sign-in card when one of its pages throws: try again, or start at sign-in. */
export default function AuthError(props: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <ErrorNotice
      {...props}
      titleClassName="text-xl"
      wayOut={
        <ButtonLink href="/sign-in" variant="secondary">
          {t('signIn')}
        </ButtonLink>
      }
    />
  );
}
