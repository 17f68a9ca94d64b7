export const filterFieldClass =
  'rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:outline-2 focus:outline-indigo-600';

/**
 * One filter of a list's search form: a select labelled for screen readers, sent as `name` in
 * a plain GET form so the filter lives in the address.
 */
export function FilterSelect(props: {
  /** Makes the element's id unique on the page: `${idPrefix}-${name}`. */
  idPrefix: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={props.value} className={filterFieldClass}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
