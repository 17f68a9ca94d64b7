'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import type { FieldErrors } from '@/lib/actions/action-result';

/**
 * Email, language and the role(s) of a new user; Continue creates them pending with a link.
 * The host Users page asks for roles on the instance or in accounts, an account's Users page
 * for a role in that account: `roleField` renders that part with its field errors.
 */
export function InviteUserForm(props: {
  action: FormAction<IssuedLink>;
  roleField: (fieldErrors: FieldErrors | undefined) => ReactNode;
  onCancel: () => void;
  onInvited: (issued: IssuedLink, email: string) => void;
}) {
  const t = useTranslations('users.invite');
  const locale = useLocale();
  const { state, isPending, onSubmit, fieldErrors, formError, submitted } = useFormAction(
    props.action,
  );
  const invited = useEffectEvent(props.onInvited);

  useEffect(() => {
    if (state?.ok) invited(state.data, String(submitted.current?.get('email') ?? ''));
  }, [state, submitted]);

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          errors={fieldErrors?.email}
        />
        <SelectField
          label={t('language')}
          name="language"
          defaultValue={locale}
          hint={t('languageHint')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'de', label: 'Deutsch' },
          ]}
          errors={fieldErrors?.language}
        />
        {props.roleField(fieldErrors)}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit">{isPending ? t('inviting') : t('continue')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
