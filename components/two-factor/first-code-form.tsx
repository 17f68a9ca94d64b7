'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { useFormAction } from '@/components/forms/use-form-action';
import { RecoveryCodesDisplay } from './recovery-codes-display';

export interface ConfirmedMethod {
  recoveryCodes: string[] | null;
}

type Confirm = ReturnType<typeof useFormAction<ConfirmedMethod>>;

/** The six digits that confirm a method being set up (the app's, or the emailed one). */
export function FirstCodeForm(props: {
  method: 'totp' | 'email';
  confirm: Confirm;
  labels: { code: string; hint: string; submit: string; submitting: string };
}) {
  const { confirm, labels } = props;
  return (
    <form onSubmit={confirm.onSubmit} noValidate>
      <fieldset disabled={confirm.isPending} className="space-y-4">
        {confirm.formError ? <FormMessage>{confirm.formError}</FormMessage> : null}
        <input type="hidden" name="method" value={props.method} />
        <TextField
          label={labels.code}
          name="code"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          spellCheck={false}
          hint={labels.hint}
          errors={confirm.fieldErrors?.code}
        />
        <Button type="submit">{confirm.isPending ? labels.submitting : labels.submit}</Button>
      </fieldset>
    </form>
  );
}

/** A method just confirmed: says so, shows a first set of recovery codes, then what follows. */
export function MethodConfirmed(props: {
  message: string;
  recoveryCodes: string[] | null;
  email: string;
  hostName: string;
  after?: ReactNode;
}) {
  return (
    <div className="mt-5 space-y-4">
      <FormMessage tone="success">{props.message}</FormMessage>
      {props.recoveryCodes ? (
        <RecoveryCodesDisplay
          codes={props.recoveryCodes}
          email={props.email}
          hostName={props.hostName}
        />
      ) : null}
      {props.after}
    </div>
  );
}
