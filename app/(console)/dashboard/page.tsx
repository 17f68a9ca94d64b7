import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ArrowRightIcon, MailIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  await requireUser();
  const t = await getTranslations('dashboard');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        {/* Stands in for the SMTP switch, which arrives with the SMTP configuration. */}
        <Card className="flex flex-col p-6">
          <div className="flex items-start gap-4">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
              <MailIcon />
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                <h2 className="text-base font-semibold text-slate-900">{t('smtp.title')}</h2>
                <Badge tone="warning">{t('smtp.status')}</Badge>
              </div>
              <p className="mt-2 text-sm/6 text-pretty text-slate-600">{t('smtp.description')}</p>
            </div>
          </div>
          <div className="mt-6 border-t border-slate-100 pt-4">
            <Link
              href="/settings/smtp"
              className="inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-indigo-700 hover:text-indigo-900"
            >
              {t('smtp.link')}
              <ArrowRightIcon className="size-4" />
            </Link>
          </div>
        </Card>
      </div>
    </>
  );
}
