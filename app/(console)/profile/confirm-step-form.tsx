'use client';

import { useState, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionResult, FormAction } from '@/lib/actions/action-result';

/**
 * A button whose action runs only after a second, explicit "Yes": for changes that cannot be
 * undone (removing a method, replacing recovery codes). `done` renders the action's result.
 */
export function ConfirmStepForm<Data>(props: {
  action: FormAction<Data>;
  label: string;
  question: string;
  yes: string;
  cancel: string;
  pending: string;
  /** Sent with the confirmation, as hidden fields (which method to remove…). */
  fields?: Record<string, string>;
  done?: (result: Extract<ActionResult<Data>, { ok: true }>) => ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  if (state?.ok && props.done) return props.done(state);
  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {props.label}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      <p className="text-sm text-slate-700">{props.question}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={isPending}>
          {isPending ? props.pending : props.yes}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={isPending}>
          {props.cancel}
        </Button>
      </div>
    </form>
  );
}
