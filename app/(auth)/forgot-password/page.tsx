import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChevronLeftIcon } from '@/components/ui/icons';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forgotPassword');
  return { title: t('title') };
}

/**
 * "Forgot password?" from the sign-in page. This instance cannot send email yet, so the only
 * way back in is a reset link from a host admin (PRODUCT.md "Passwords", SMTP off).
 */
export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">{t('emailNotSetUp')}</p>
      <p className="mt-3 text-sm leading-6 text-slate-600">{t('askHostAdmin')}</p>
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
