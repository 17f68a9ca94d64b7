'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/lib/actions/action-result';

/** Resend for one failed or held email. */
export function ResendButton({
  id,
  recipient,
  action,
}: {
  id: string;
  recipient: string;
  action: FormAction;
}) {
  const t = useTranslations('delivery');
  const { onSubmit, isPending, formError, state } = useFormAction(action);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="secondary"
        disabled={isPending || state?.ok}
        aria-label={t('resendTo', { recipient })}
      >
        {state?.ok ? t('resent') : isPending ? t('resending') : t('resend')}
      </Button>
      {formError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {formError}
        </p>
      ) : null}
    </form>
  );
}
