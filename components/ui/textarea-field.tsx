import { useId, type TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

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
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        className={cx(
          'mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-xs focus:outline-2 focus:outline-indigo-600',
          errorId ? 'border-red-500' : 'border-slate-300',
        )}
        {...textarea}
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
