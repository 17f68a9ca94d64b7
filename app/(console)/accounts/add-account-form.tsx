'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import { createAccountAction, type CreatedAccount } from './actions';
import { AdminInviteFields } from './admin-invite-fields';
import { AdministratorChoice, type Administrator } from './administrator-choice';

/** Add account: its name, then who administers it; Create account makes it. */
export function AddAccountForm(props: {
  smtpEnabled: boolean;
  onCancel: () => void;
  onAdded: (created: CreatedAccount, name: string) => void;
}) {
  const t = useTranslations('accounts.add');
  const [administrator, setAdministrator] = useState<Administrator>('me');
  const { state, isPending, onSubmit, fieldErrors, formError, submitted } =
    useFormAction(createAccountAction);
  const added = useEffectEvent(props.onAdded);

  useEffect(() => {
    if (state?.ok) added(state.data, String(submitted.current?.get('name') ?? '').trim());
  }, [state, submitted]);

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('name')}
          name="name"
          autoComplete="off"
          required
          hint={t('nameHint')}
          errors={fieldErrors?.name}
        />
        <AdministratorChoice value={administrator} onChange={setAdministrator} />
        {administrator === 'invite' ? (
          <>
            <p className="text-sm text-slate-600">
              {props.smtpEnabled ? t('smtpOn') : t('smtpOff')}
            </p>
            <AdminInviteFields errors={fieldErrors} />
          </>
        ) : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit">{isPending ? t('submitting') : t('submit')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
