import { useId, type ReactNode } from 'react';

/** A labelled checkbox with an optional line of explanation under its label. */
export function CheckboxField(props: {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  errors?: string[];
}) {
  const id = useId();
  const describedBy = [
    props.description ? `${id}-description` : '',
    props.errors?.length ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.errors?.length ? true : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-indigo-600"
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {props.label}
        </label>
        {props.description ? (
          <p id={`${id}-description`} className="text-slate-600">
            {props.description}
          </p>
        ) : null}
        {props.errors?.length ? (
          <p id={`${id}-error`} className="mt-1 text-red-700">
            {props.errors.join(' ')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
