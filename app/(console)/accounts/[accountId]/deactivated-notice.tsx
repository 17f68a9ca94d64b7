import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { LockIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';

/** All a page inside a deactivated account shows: which account, why it is closed, the way out. */
export async function DeactivatedNotice({ name }: { name: string }) {
  const t = await getTranslations('account.deactivated');
  return (
    <>
      <PageHeader title={name} />
      <Card className="flex flex-col items-start gap-4 p-5 sm:flex-row sm:p-6">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-600">
          <LockIcon />
        </span>
        <div className="min-w-0">
          <p className="text-sm/6 text-pretty text-slate-800">{t('message')}</p>
          <ButtonLink href="/accounts" variant="secondary" className="mt-4">
            {t('back')}
          </ButtonLink>
        </div>
      </Card>
    </>
  );
}
