import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/configured-database';
import { readResetLink } from '@/lib/resets/read-reset-link';
import { resetPasswordAction } from './actions';
import { ResetForm } from './reset-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reset');
  return { title: t('title') };
}

/**
 * A reset link. Opening it consumes nothing (mail scanners open links); submitting does, and
 * signs the user out everywhere, including this browser if it was signed in as them.
 */
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('reset');
  const reset = await readResetLink(await getDb(), { token });

  if (reset.state !== 'valid') {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t(`state.${reset.state}.title`)}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          {t(`state.${reset.state}.description`)}
        </p>
        <Link
          href="/forgot-password"
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-800"
        >
          {t('newLink')}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">{t('description')}</p>
      <ClientMessages namespaces={['reset']}>
        <ResetForm token={token} email={reset.email} action={resetPasswordAction} />
      </ClientMessages>
    </>
  );
}
