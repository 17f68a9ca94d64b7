import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DatabaseIcon } from '@/components/ui/icons';
import { StatusPage } from '@/components/ui/status-page';
import { requestPathHeader } from '@/lib/auth/request-path';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { databaseReachable } from '@/lib/health/database-availability';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('databaseUnavailable');
  return { title: t('title') };
}

/**
 * Shown with status 503 in place of any page while the database cannot be reached: proxy.ts
 * rewrites to it. Reads nothing from the database; "Try again" reloads the page asked for.
 */
export default async function DatabaseUnavailable() {
  // Opened by its own address while the database answers: nothing to report.
  if (await databaseReachable()) redirect('/');
  const t = await getTranslations('databaseUnavailable');
  const asked = (await headers()).get(requestPathHeader);
  const retry = asked?.startsWith('/database-unavailable') ? '/' : safeReturnPath(asked);
  return (
    <StatusPage
      icon={<DatabaseIcon />}
      code={t('code')}
      title={t('title')}
      description={t('description')}
      action={{ href: retry, label: t('action') }}
    />
  );
}
