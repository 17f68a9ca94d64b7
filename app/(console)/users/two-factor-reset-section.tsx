'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { TwoFactorMethod } from '@/db/schema';
import type { FormAction } from '@/lib/actions/action-result';

/**
 * "Reset two-factor sign-in" for a user who lost their phone: shown only when they have a
 * method, behind a confirmation that says what goes (every method, the recovery codes, every
 * session). Both Users pages use it.
 */
export function TwoFactorResetSection(props: {
  user: { id: string; email: string; twoFactor: TwoFactorMethod[] };
  action: FormAction;
}) {
  const t = useTranslations('users');
  const [confirming, setConfirming] = useState(false);
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  const { user } = props;
  if (user.twoFactor.length === 0 && !state?.ok) return null;
  const methods = user.twoFactor.map((method) => t(`twoFactorMethods.${method}`)).join(', ');
  return (
    <section aria-labelledby="two-factor-reset-heading" className="space-y-3">
      <h3 id="two-factor-reset-heading" className="text-sm font-semibold text-slate-900">
        {t('edit.twoFactor.title')}
      </h3>
      {state?.ok ? (
        <FormMessage tone="success">{t('edit.twoFactor.done', { email: user.email })}</FormMessage>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {t('edit.twoFactor.explain', { email: user.email, methods })}
          </p>
          {formError ? <FormMessage>{formError}</FormMessage> : null}
          {confirming ? (
            <form
              onSubmit={onSubmit}
              className="space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-red-200"
            >
              <input type="hidden" name="userId" value={user.id} />
              <p className="text-sm text-red-900">
                {t('edit.twoFactor.confirmQuestion', { email: user.email })}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button type="submit" variant="danger" disabled={isPending}>
                  {isPending ? t('edit.twoFactor.resetting') : t('edit.twoFactor.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('edit.twoFactor.keep')}
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('edit.twoFactor.start')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
