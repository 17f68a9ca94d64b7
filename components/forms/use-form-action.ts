'use client';

import { useActionState, useRef, startTransition, type FormEvent } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/action-result';

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`, React then does
 * not reset the form, so a refused submit keeps everything the person typed.
 */
export function useFormAction<Data, Field extends string = string>(
  action: FormAction<Data, Field>,
) {
  const [state, dispatch, isPending] = useActionState(action, null);
  const submitted = useRef<FormData | null>(null);

  function submit(data: FormData) {
    submitted.current = data;
    startTransition(() => dispatch(data));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok ? state.formError : undefined;
  return {
    state: state as ActionResult<Data, Field> | null,
    isPending,
    onSubmit,
    /** Runs the action with data gathered otherwise (a second button of the same form). */
    submit,
    /** The values of the last submit, e.g. to sign in with them after success. */
    submitted,
    fieldErrors,
    formError,
  };
}
