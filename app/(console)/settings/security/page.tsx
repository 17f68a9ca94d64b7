import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/configured-database';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { readTwoFactorPolicy } from '@/lib/two-factor/two-factor-policy';
import { setTwoFactorPolicyAction } from './actions';
import { TwoFactorPolicyForm } from './two-factor-policy-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('security');
  return { title: t('title') };
}

/** Host settings → Security: who must pass a second step at sign-in. */
export default async function SecuritySettingsPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const db = await getDb();
  const [policy, smtpEnabled] = await Promise.all([readTwoFactorPolicy(db), isSmtpEnabled(db)]);
  return (
    <ClientMessages namespaces={['security.policy']}>
      <PageHeader
        title={t('security.title')}
        description={t('security.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <Card className="p-5 sm:p-6">
        <section aria-labelledby="security-two-factor">
          <h2 id="security-two-factor" className="text-base font-semibold text-slate-900">
            {t('security.policy.legend')}
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-pretty text-slate-600">
            {t('security.policy.description')}
          </p>
          <TwoFactorPolicyForm
            policy={policy}
            smtpEnabled={smtpEnabled}
            action={setTwoFactorPolicyAction}
          />
        </section>
      </Card>
    </ClientMessages>
  );
}
