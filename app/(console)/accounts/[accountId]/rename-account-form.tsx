'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/**
 * Rename: the account's name and Save. No `maxLength` on the input: the browser would cut a
 * pasted name silently, where the server's message says what is wrong.
 */
export function RenameAccountForm(props: {
  accountId: string;
  name: string;
  maxLength: number;
  action: FormAction<{ name: string }>;
}) {
  const t = useTranslations('account.settings.rename');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="accountId" value={props.accountId} />
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      <fieldset disabled={isPending} className="space-y-3">
        <TextField
          label={t('label')}
          name="name"
          defaultValue={props.name}
          hint={t('hint', { limit: props.maxLength })}
          errors={fieldErrors?.name}
          required
          autoComplete="off"
          className="max-w-md"
        />
        <Button type="submit">{isPending ? t('saving') : t('save')}</Button>
      </fieldset>
      {/* Always in the page, so screen readers announce the confirmation when it appears. */}
      <div aria-live="polite" className="empty:hidden">
        {state?.ok ? (
          <FormMessage tone="success">{t('saved', { name: state.data.name })}</FormMessage>
        ) : null}
      </div>
    </form>
  );
}
