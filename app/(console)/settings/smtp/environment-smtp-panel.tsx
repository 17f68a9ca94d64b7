'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { SmtpSwitch, type SmtpSwitchAnswer } from '@/components/smtp/smtp-switch';
import { Card } from '@/components/ui/card';
import type { FormAction } from '@/lib/actions/action-result';
import type { SmtpSettingsView } from '@/lib/smtp/get-smtp-settings';
import type { EnvironmentField } from '@/lib/smtp/environment-smtp';
import { EnvironmentSmtpFields } from './environment-smtp-fields';
import { SmtpTestPanel, type TestOutcome } from './smtp-test-panel';

/**
 * The SMTP page while the server's environment sets the configuration: the switch and the
 * fields locked, each naming its variable; the test email works with what is in force.
 */
export function EnvironmentSmtpPanel(props: {
  view: SmtpSettingsView;
  variables: Record<EnvironmentField, string>;
  adminEmail: string;
  lastTest: TestOutcome | null;
  actions: { test: FormAction<TestOutcome>; setEnabled: FormAction<SmtpSwitchAnswer> };
}) {
  const t = useTranslations('smtp.environment');
  const test = useFormAction(props.actions.test);
  return (
    <div className="space-y-6">
      <Card className="p-5">
        <SmtpSwitch
          enabled={props.view.enabled}
          version={props.view.version}
          blockedBy={null}
          place="smtpPage"
          action={props.actions.setEnabled}
          lockedBy={props.view.setBy?.enabled}
        />
      </Card>
      <Card className="space-y-4 p-5">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
          <p className="text-sm text-pretty text-slate-600">{t('description')}</p>
        </div>
        <EnvironmentSmtpFields view={props.view} variables={props.variables} />
      </Card>
      <SmtpTestPanel adminEmail={props.adminEmail} lastTest={props.lastTest} test={test} />
    </div>
  );
}
