import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button-link';
import { CompassIcon } from '@/components/ui/icons';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
          <CompassIcon className="size-6" />
        </span>
        <p className="mt-5 text-sm font-semibold text-indigo-700">{t('code')}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
        <p className="mt-3 text-sm/6 text-pretty text-slate-600">{t('description')}</p>
        <ButtonLink href="/dashboard" className="mt-8">
          {t('action')}
        </ButtonLink>
      </div>
    </main>
  );
}
