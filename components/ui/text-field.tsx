import type { InputHTMLAttributes } from 'react';
import { cx } from './cx';
import { FieldFrame, useFieldWiring } from './field-frame';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  /** Already translated; shown beside the field and announced with it. */
  errors?: string[];
};

/** A labelled input with its hint and its errors, wired for screen readers. */
export function TextField({ label, name, hint, errors, className, ...input }: TextFieldProps) {
  const wiring = useFieldWiring(hint, errors);
  return (
    <FieldFrame label={label} wiring={wiring} hint={hint} errors={errors} className={className}>
      <input
        name={name}
        {...wiring.controlProps}
        className={cx(
          'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600',
          wiring.errorId ? 'border-red-500' : 'border-slate-300',
        )}
        {...input}
      />
    </FieldFrame>
  );
}
