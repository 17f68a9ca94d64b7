'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { AlertIcon } from '@/components/ui/icons';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/**
 * Delete account, confirmed by typing its name. Afterwards the page is gone: the viewer goes to
 * Accounts, or to sign-in when deleting it left them with no role (they are signed out).
 */
export function DeleteAccountForm(props: {
  accountId: string;
  name: string;
  /** The viewer's only role is here: deleting the account deactivates them too. */
  onlyAccount: boolean;
  /** Redirects on success: to Accounts, or to sign-in for a viewer it deactivated. */
  action: FormAction;
}) {
  const t = useTranslations('account.settings.delete');
  const headingId = useId();
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-red-50/60 p-4 ring-1 ring-red-200"
    >
      <h3 id={headingId} className="text-sm font-semibold text-red-900">
        {t('title')}
      </h3>
      <p className="text-sm text-pretty text-slate-700">{t('explain', { name: props.name })}</p>
      {props.onlyAccount ? (
        <p className="flex gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {t('onlyAccount')}
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="accountId" value={props.accountId} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <fieldset disabled={isPending || state?.ok} className="space-y-3">
          <TextField
            label={t('confirmLabel')}
            name="confirmName"
            hint={t('confirmHint', { name: props.name })}
            errors={fieldErrors?.confirmName}
            required
            autoComplete="off"
            spellCheck={false}
            className="max-w-md"
          />
          <Button type="submit" variant="danger">
            {isPending ? t('deleting') : t('submit', { name: props.name })}
          </Button>
        </fieldset>
      </form>
    </section>
  );
}
