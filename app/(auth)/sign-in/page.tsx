import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/ui/form-message';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getHostName } from '@/lib/host/get-host-name';
import { SignInForm } from './sign-in-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string; reset?: string }>;
}) {
  const { callbackUrl, signedOut, reset } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations('signIn');
  const hostName = await getHostName();

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('description', { hostName })}</p>
      {signedOut || reset ? (
        <div className="mt-6">
          <FormMessage tone="success">{reset ? t('passwordReset') : t('signedOut')}</FormMessage>
        </div>
      ) : null}
      <ClientMessages namespaces={['signIn']}>
        <SignInForm returnTo={returnTo} />
      </ClientMessages>
    </>
  );
}
