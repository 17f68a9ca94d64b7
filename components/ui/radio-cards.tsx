'use client';

import { useId } from 'react';

/** A choice of one, as radio cards under a legend, each with an optional line of explanation. */
export function RadioCards<Value extends string>(props: {
  legend: string;
  name: string;
  value: Value;
  options: readonly { value: Value; label: string; description?: string }[];
  onChange: (value: Value) => void;
  errors?: string[];
  columns?: 2 | 3;
}) {
  const id = useId();
  const errorId = props.errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-medium text-slate-800">{props.legend}</legend>
      <div
        className={`mt-2 grid gap-2 ${props.columns === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2'}`}
      >
        {props.options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ring-slate-200 has-checked:ring-2 has-checked:ring-indigo-600"
          >
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
              aria-labelledby={`${id}-${option.value}-title`}
              aria-describedby={
                option.description ? `${id}-${option.value}-description` : undefined
              }
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span id={`${id}-${option.value}-title`} className="block font-medium text-slate-900">
                {option.label}
              </span>
              {option.description ? (
                <span id={`${id}-${option.value}-description`} className="block text-slate-600">
                  {option.description}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {props.errors!.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
