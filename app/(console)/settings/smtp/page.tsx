import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MailAllowlistNotice } from '@/components/smtp/mail-allowlist-notice';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { requireHostPermission } from '@/lib/auth/guards';
import { getHostName } from '@/lib/host/get-host-name';
import { activeMailAllowlist } from '@/lib/mail/allowlist';
import { getLastSmtpTest, getSmtpSettings } from '@/lib/smtp/get-smtp-settings';
import {
  saveSmtpAction,
  setSmtpEnabledAction,
  testEnvironmentSmtpAction,
  testSmtpAction,
} from './actions';
import { EnvironmentSmtpPanel } from './environment-smtp-panel';
import { SmtpSettingsPanel } from './smtp-settings-panel';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('smtp');
  return { title: t('title') };
}

export default async function SmtpConfigurationPage() {
  const user = await requireHostPermission('host.settings');
  const t = await getTranslations();
  const db = await getDb();
  const [saved, lastTest, hostName] = await Promise.all([
    getSmtpSettings(db),
    getLastSmtpTest(db),
    getHostName(),
  ]);
  const shownTest = lastTest && {
    report: lastTest.report,
    testedAt: lastTest.testedAt.toISOString(),
  };
  return (
    <ClientMessages
      namespaces={[
        'smtp.form',
        'smtp.presets',
        'smtp.environment',
        'smtpDiagnosis',
        'smtpSwitch',
        'smtpTest',
      ]}
    >
      <PageHeader
        title={t('smtp.title')}
        description={t('smtp.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <MailAllowlistNotice allowlist={activeMailAllowlist()} />
      {saved?.setBy?.fields ? (
        <EnvironmentSmtpPanel
          view={saved}
          variables={saved.setBy.fields}
          adminEmail={user.email}
          lastTest={shownTest}
          actions={{ test: testEnvironmentSmtpAction, setEnabled: setSmtpEnabledAction }}
        />
      ) : (
        <SmtpSettingsPanel
          saved={saved}
          hostName={hostName}
          adminEmail={user.email}
          lastTest={shownTest}
          actions={{ save: saveSmtpAction, test: testSmtpAction, setEnabled: setSmtpEnabledAction }}
        />
      )}
    </ClientMessages>
  );
}
