'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** One code field: six digits from the app, or a recovery code; success opens the console. */
export function SecondStepForm(props: {
  kind: 'authenticator' | 'recovery';
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

  const authenticator = props.kind === 'authenticator';
  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending || state?.ok} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <TextField
          label={authenticator ? t('authenticatorCode') : t('recoveryCode')}
          name="code"
          required
          autoFocus
          autoComplete={authenticator ? 'one-time-code' : 'off'}
          inputMode={authenticator ? 'numeric' : 'text'}
          maxLength={authenticator ? 7 : 20}
          spellCheck={false}
          hint={
            authenticator
              ? t('authenticatorHint')
              : t('recoveryHint', { left: props.recoveryCodesLeft })
          }
          errors={fieldErrors?.code}
        />
        <div className="flex justify-end">
          <Button type="submit">{isPending || state?.ok ? t('verifying') : t('verify')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
