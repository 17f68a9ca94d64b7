'use client';

import { useActionState, useRef, startTransition, type FormEvent } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/action-result';

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`, React then does
 * not reset the form, so a refused submit keeps everything the person typed.
 */
export function useFormAction<Data>(action: FormAction<Data>) {
  const [state, dispatch, isPending] = useActionState(action, null);
  const submitted = useRef<FormData | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    submitted.current = data;
    startTransition(() => dispatch(data));
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok ? state.formError : undefined;
  return {
    state: state as ActionResult<Data> | null,
    isPending,
    onSubmit,
    /** The values of the last submit, e.g. to sign in with them after success. */
    submitted,
    fieldErrors,
    formError,
  };
}
