import type { SelectHTMLAttributes } from 'react';
import { cx } from './cx';
import { FieldFrame, useFieldWiring } from './field-frame';

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  /** Already translated; shown beside the field and announced with it. */
  errors?: string[];
};

/** A labelled native select with its hint and its errors, wired for screen readers. */
export function SelectField({
  label,
  name,
  options,
  hint,
  errors,
  className,
  ...select
}: SelectFieldProps) {
  const wiring = useFieldWiring(hint, errors);
  return (
    <FieldFrame label={label} wiring={wiring} hint={hint} errors={errors} className={className}>
      <select
        name={name}
        {...wiring.controlProps}
        className={cx(
          'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600',
          wiring.errorId ? 'border-red-500' : 'border-slate-300',
        )}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
