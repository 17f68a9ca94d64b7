'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useFormAction } from '@/components/forms/use-form-action';
import { useSignInAfterSuccess } from '@/components/forms/use-sign-in-after-success';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/**
 * The form behind a single-use link (accept an invitation, reset a password): the link's
 * email shown but not editable, a new password and its confirmation. On success it either
 * signs in with them, or goes to `redirectTo`.
 */
export function TokenPasswordForm<Data>(props: {
  token: string;
  email: string;
  action: FormAction<Data>;
  afterSuccess: 'signIn' | { redirectTo: string };
  labels: {
    email: string;
    password: string;
    confirm: string;
    hint: string;
    submit: string;
    submitting: string;
  };
}) {
  const router = useRouter();
  const { state, isPending, onSubmit, submitted, fieldErrors, formError } = useFormAction(
    props.action,
  );
  const { afterSuccess } = props;
  useSignInAfterSuccess(afterSuccess === 'signIn' ? state : null, submitted);
  const redirectTo = afterSuccess === 'signIn' ? null : afterSuccess.redirectTo;
  useEffect(() => {
    if (state?.ok && redirectTo) router.replace(redirectTo);
  }, [state, router, redirectTo]);

  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending || state?.ok} className="space-y-5">
        <input type="hidden" name="token" value={props.token} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={props.labels.email}
          name="email"
          type="email"
          value={props.email}
          readOnly
          autoComplete="username"
        />
        <NewPasswordFields
          labels={{
            password: props.labels.password,
            confirm: props.labels.confirm,
            hint: props.labels.hint,
          }}
          errors={fieldErrors}
        />
        <Button type="submit" className="w-full">
          {isPending || state?.ok ? props.labels.submitting : props.labels.submit}
        </Button>
      </fieldset>
    </form>
  );
}
