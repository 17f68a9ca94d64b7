import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/configured-database';
import { setupState } from '@/lib/setup/setup-state';
import { createFirstAdminAction } from './actions';
import { SetupForm } from './setup-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setup');
  return { title: t('title') };
}

/** First run: the one-time link from the server log creates the first host admin. */
export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const given = typeof token === 'string' ? token : undefined;
  const state = await setupState(await getDb(), given);
  // Once a user exists the page is gone for everyone.
  if (state === 'done') notFound();
  const t = await getTranslations('setup');

  if (state === 'invalid') {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t('invalidLink')}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{t('invalidLinkDescription')}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">{t('description')}</p>
      <ClientMessages namespaces={['setup']}>
        <SetupForm token={given!} action={createFirstAdminAction} />
      </ClientMessages>
    </>
  );
}
