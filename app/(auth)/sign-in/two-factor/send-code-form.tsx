'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';

/** "Email me a code" before the first one, "Send a new code" after; says what happened. */
export function SendCodeForm(props: {
  alreadySent: boolean;
  action: FormAction<{ sentTo: string }>;
}) {
  const t = useTranslations('twoFactor');
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-3">
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">{t('newCodeSent', { sentTo: state.data.sentTo })}</FormMessage>
      ) : null}
      <Button
        type="submit"
        variant={props.alreadySent ? 'secondary' : 'primary'}
        disabled={isPending}
      >
        {isPending
          ? t('sending')
          : props.alreadySent || state?.ok
            ? t('sendNewCode')
            : t('sendCode')}
      </Button>
    </form>
  );
}
