import { useId, type InputHTMLAttributes } from 'react';
import { cx } from './cx';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  /** Already translated; shown beside the field and announced with it. */
  errors?: string[];
};

/** A labelled input with its hint and its errors, wired for screen readers. */
export function TextField({ label, name, hint, errors, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        className={cx(
          'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600',
          errorId ? 'border-red-500' : 'border-slate-300',
        )}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {errors!.join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
