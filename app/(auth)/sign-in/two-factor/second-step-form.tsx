'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** One code field: six digits (app or email), or a recovery code; success opens the console. */
export function SecondStepForm(props: {
  kind: 'authenticator' | 'email' | 'recovery';
  returnTo: string;
  recoveryCodesLeft: number;
  action: FormAction<{ redirectTo: string }>;
}) {
  const t = useTranslations('twoFactor.form');
  const router = useRouter();
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);

  useEffect(() => {
    if (state?.ok) {
      router.replace(state.data.redirectTo);
      router.refresh();
    }
  }, [state, router]);

  // Six digits from the app or an email; a recovery code is letters and digits.
  const digits = props.kind !== 'recovery';
  const labels = {
    authenticator: { label: t('authenticatorCode'), hint: t('authenticatorHint') },
    email: { label: t('emailCode'), hint: t('emailHint') },
    recovery: {
      label: t('recoveryCode'),
      hint: t('recoveryHint', { left: props.recoveryCodesLeft }),
    },
  }[props.kind];
  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending || state?.ok} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <TextField
          label={labels.label}
          name="code"
          required
          autoFocus
          autoComplete={digits ? 'one-time-code' : 'off'}
          inputMode={digits ? 'numeric' : 'text'}
          maxLength={digits ? 7 : 20}
          spellCheck={false}
          hint={labels.hint}
          errors={fieldErrors?.code}
        />
        <div className="flex justify-end">
          <Button type="submit">{isPending || state?.ok ? t('verifying') : t('verify')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
