'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { RadioCards } from '@/components/ui/radio-cards';
import type { FormAction } from '@/lib/actions/action-result';
import type { TwoFactorPolicy } from '@/db/schema';
import { twoFactorPolicyOptions } from '@/lib/two-factor/policy-options';

const hintKeys = {
  off: 'offHint',
  optional: 'optionalHint',
  required_for_host_admins: 'required_for_host_admins_hint',
  required_for_everyone: 'required_for_everyone_hint',
} as const;

/** Off, optional, required for host admins, required for everyone; saved with one button. */
export function TwoFactorPolicyForm(props: {
  policy: TwoFactorPolicy;
  smtpEnabled: boolean;
  action: FormAction;
}) {
  const t = useTranslations('security.policy');
  const [policy, setPolicy] = useState(props.policy);
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-5" noValidate>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t('saved')}</FormMessage> : null}
      <RadioCards
        legend={t('legend')}
        name="policy"
        value={policy}
        onChange={setPolicy}
        options={twoFactorPolicyOptions.map((value) => ({
          value,
          label: t(value),
          description: t(hintKeys[value]),
        }))}
        errors={fieldErrors?.policy}
      />
      <p className="text-sm text-slate-600">{props.smtpEnabled ? t('emailOn') : t('emailOff')}</p>
      <Button type="submit" disabled={isPending}>
        {isPending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
