'use client';

import { useTranslations } from 'next-intl';
import { useState, type RefObject } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { SmtpTestReport } from '@/lib/smtp/send-test-email';
import { SmtpTestReportView } from './smtp-test-report';

export type TestOutcome = { report: SmtpTestReport; testedAt: string };

/**
 * "Send test email" with the form's current values, to the admin or another address; with no
 * form (the environment sets the configuration), with the configuration in force.
 */
export function SmtpTestPanel(props: {
  form?: RefObject<HTMLFormElement | null>;
  adminEmail: string;
  lastTest: TestOutcome | null;
  /** The test action's state, owned by the panel so the form shows its field errors. */
  test: ReturnType<typeof useFormAction<TestOutcome>>;
  onSwitchToOAuth?: (provider: 'microsoft' | 'google') => void;
}) {
  const t = useTranslations('smtpTest');
  const [recipient, setRecipient] = useState('');
  const { test } = props;
  const outcome = test.state?.ok ? test.state.data : props.lastTest;
  const errors = test.fieldErrors;
  const otherFieldErrors = errors
    ? Object.keys(errors).some((field) => field !== 'testRecipient')
    : false;

  function send() {
    if (props.form && !props.form.current) return;
    const data = props.form?.current ? new FormData(props.form.current) : new FormData();
    data.set('testRecipient', recipient);
    test.submit(data);
  }

  return (
    <Card className="space-y-4 p-5">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
        <p className="text-sm text-slate-600">
          {t(props.form ? 'description' : 'descriptionInForce', { email: props.adminEmail })}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-64 flex-1"
          label={t('recipient')}
          name="testRecipient"
          type="email"
          value={recipient}
          placeholder={props.adminEmail}
          onChange={(event) => setRecipient(event.target.value)}
          errors={errors?.testRecipient}
        />
        <Button type="button" variant="secondary" onClick={send} disabled={test.isPending}>
          {test.isPending ? t('sending') : t('send')}
        </Button>
      </div>
      {test.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t('waiting')}
        </p>
      ) : null}
      {test.formError ? <FormMessage>{test.formError}</FormMessage> : null}
      {otherFieldErrors ? <FormMessage>{t('fixFields')}</FormMessage> : null}
      {outcome && !test.isPending ? (
        <SmtpTestReportView
          report={outcome.report}
          testedAt={outcome.testedAt}
          onSwitchToOAuth={props.onSwitchToOAuth}
        />
      ) : null}
    </Card>
  );
}
