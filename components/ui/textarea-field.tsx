import type { TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import { FieldFrame, useFieldWiring } from './field-frame';

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

/** A labelled multi-line input with its hint and errors. */
export function TextareaField({
  label,
  name,
  hint,
  errors,
  className,
  ...textarea
}: TextareaFieldProps) {
  const wiring = useFieldWiring(hint, errors);
  return (
    <FieldFrame label={label} wiring={wiring} hint={hint} errors={errors} className={className}>
      <textarea
        name={name}
        {...wiring.controlProps}
        className={cx(
          'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-xs focus:outline-2 focus:outline-indigo-600',
          wiring.errorId ? 'border-red-500' : 'border-slate-300',
        )}
        {...textarea}
      />
    </FieldFrame>
  );
}
