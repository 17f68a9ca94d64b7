import { useId, type ReactNode } from 'react';

/** The ids and ARIA wiring a field's control needs for its hint and its errors. */
export function useFieldWiring(hint: string | undefined, errors: string[] | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    controlProps: {
      id,
      'aria-invalid': errorId ? true : undefined,
      'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
    },
  };
}

/** Label above, then the control, its errors and its hint: the layout every field shares. */
export function FieldFrame(props: {
  label: string;
  wiring: ReturnType<typeof useFieldWiring>;
  hint?: string;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  const { wiring } = props;
  return (
    <div className={props.className}>
      <label htmlFor={wiring.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.children}
      {wiring.errorId ? (
        <p id={wiring.errorId} className="mt-1.5 text-sm text-red-700">
          {props.errors!.join(' ')}
        </p>
      ) : null}
      {props.hint ? (
        <p id={wiring.hintId} className="mt-1.5 text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
