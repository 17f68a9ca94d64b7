import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChevronLeftIcon } from '@/components/ui/icons';
import { getDb } from '@/lib/database/configured-database';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { requestPasswordResetAction } from './actions';
import { ForgotPasswordForm } from './forgot-password-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forgotPassword');
  return { title: t('title') };
}

/**
 * "Forgot password?" from the sign-in page. With the SMTP switch on: an address, then the
 * same neutral answer for every address. Off: the only way back in is a reset link from a
 * host admin (PRODUCT.md "Passwords").
 */
export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string | string[] }>;
}) {
  const t = await getTranslations('forgotPassword');
  // The sign-in page passes on the address it was locked out for; only a default of the field.
  const { email } = await searchParams;
  const defaultEmail = typeof email === 'string' ? email.slice(0, 254) : undefined;
  const smtpEnabled = await isSmtpEnabled(await getDb());
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      {smtpEnabled ? (
        <>
          <p className="mt-3 text-sm leading-6 text-slate-600">{t('description')}</p>
          <ClientMessages namespaces={['forgotPassword']}>
            <ForgotPasswordForm action={requestPasswordResetAction} defaultEmail={defaultEmail} />
          </ClientMessages>
        </>
      ) : (
        <>
          <p className="mt-3 text-sm leading-6 text-slate-600">{t('emailNotSetUp')}</p>
          <p className="mt-3 text-sm leading-6 text-slate-600">{t('askHostAdmin')}</p>
        </>
      )}
      <Link
        href="/sign-in"
        className="mt-6 inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:text-indigo-800"
      >
        <ChevronLeftIcon className="size-4" />
        {t('backToSignIn')}
      </Link>
    </>
  );
}
