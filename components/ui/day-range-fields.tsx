import { filterFieldClass } from './filter-select';

/**
 * A list's range of UTC days, both included: two date fields for a GET search form. When the
 * last day is before the first, both are marked and the second points at the message saying so
 * (rendered by the form's footer under `reversedMessageId`).
 */
export function DayRangeFields(props: {
  from: { label: string; value: string | null };
  to: { label: string; value: string | null };
  reversed: boolean;
  reversedMessageId: string;
}) {
  const dateClass = `${filterFieldClass} aria-invalid:border-red-600`;
  return (
    <>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        {props.from.label}
        <input
          name="from"
          type="date"
          defaultValue={props.from.value ?? ''}
          aria-invalid={props.reversed || undefined}
          className={dateClass}
        />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        {props.to.label}
        <input
          name="to"
          type="date"
          defaultValue={props.to.value ?? ''}
          aria-invalid={props.reversed || undefined}
          aria-describedby={props.reversed ? props.reversedMessageId : undefined}
          className={dateClass}
        />
      </label>
    </>
  );
}
