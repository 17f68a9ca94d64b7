import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';
import { getHostName } from '@/lib/host/get-host-name';
import { displayNameMaxLength } from '@/lib/field-limits';
import { getDb } from '@/lib/database/configured-database';
import { loadInvitationSettings } from '@/lib/invitations/load-invitation-settings';
import { readEmailRetentionDays } from '@/lib/host/read-email-retention';
import { auditRetentionLimits, readAuditRetentionDays } from '@/lib/host/audit-retention';
import { emailRetentionLimits } from '@/lib/host/email-retention';
import {
  renameHostAction,
  setAuditRetentionAction,
  setEmailRetentionAction,
  setInvitationLifetimeAction,
} from './actions';
import { RetentionSetting } from './retention-setting';
import { HostNameSetting } from './host-name-setting';
import { InvitationLifetimeSetting } from './invitation-lifetime-setting';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('general');
  return { title: t('title') };
}

/**
 * Host settings → General: the host name, the invitation lifetime and the delivery log's
 * retention, each edited in a dialog.
 */
export default async function GeneralSettingsPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const hostName = await getHostName();
  const db = await getDb();
  const { lifetimeHours } = await loadInvitationSettings(db);
  const [emailDays, auditDays] = await Promise.all([
    readEmailRetentionDays(db),
    readAuditRetentionDays(db),
  ]);
  return (
    <ClientMessages
      namespaces={[
        'general.hostName',
        'general.invitationLifetime',
        'general.emailRetention',
        'general.auditRetention',
      ]}
    >
      <PageHeader
        title={t('general.title')}
        description={t('general.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <Card className="p-5 sm:p-6">
        <HostNameSetting
          hostName={hostName}
          maxLength={displayNameMaxLength}
          action={renameHostAction}
        />
      </Card>
      <Card className="mt-4 p-5 sm:p-6">
        <InvitationLifetimeSetting hours={lifetimeHours} action={setInvitationLifetimeAction} />
      </Card>
      <Card className="mt-4 p-5 sm:p-6">
        <RetentionSetting
          kind="emailRetention"
          days={emailDays}
          limits={emailRetentionLimits}
          action={setEmailRetentionAction}
        />
      </Card>
      <Card className="mt-4 p-5 sm:p-6">
        <RetentionSetting
          kind="auditRetention"
          days={auditDays}
          limits={auditRetentionLimits}
          action={setAuditRetentionAction}
        />
      </Card>
    </ClientMessages>
  );
}
