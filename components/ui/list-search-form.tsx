import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from './button';
import { FilterSelect, filterFieldClass } from './filter-select';

/**
 * A paged list's search: a text box, the list's own filters (`children`), the page size, Search,
 * and Clear while anything is filtered. A plain GET form to `action`: the filters live in the
 * address, and a new search starts at the first page. Give it a `key` made of the filters: a
 * client-side navigation (Clear, Back) reuses the form, and its fields would keep what was typed
 * instead of showing the filters of the list below.
 */
export function ListSearchForm(props: {
  action: string;
  idPrefix: string;
  search: { label: string; placeholder: string; value: string; maxLength: number };
  size: {
    label: string;
    value: number;
    choices: readonly number[];
    optionLabel: (size: number) => string;
  };
  submitLabel: string;
  /** Where Clear goes, or null when nothing is filtered. */
  clear: { href: string; label: string } | null;
  /** The list's own filters, between the text box and the page size. */
  children?: ReactNode;
  /** Under the fields: what is wrong with them, if anything. */
  footer?: ReactNode;
}) {
  const searchId = `${props.idPrefix}-search`;
  return (
    <form role="search" method="get" action={props.action} className="mb-4">
      <div className="flex flex-wrap gap-2">
        <label htmlFor={searchId} className="sr-only">
          {props.search.label}
        </label>
        <input
          id={searchId}
          name="q"
          type="search"
          defaultValue={props.search.value}
          placeholder={props.search.placeholder}
          maxLength={props.search.maxLength}
          className={`min-w-48 flex-1 ${filterFieldClass}`}
        />
        {props.children}
        <FilterSelect
          idPrefix={props.idPrefix}
          name="size"
          label={props.size.label}
          value={String(props.size.value)}
          options={props.size.choices.map((size) => ({
            value: String(size),
            label: props.size.optionLabel(size),
          }))}
        />
        <Button type="submit" variant="secondary">
          {props.submitLabel}
        </Button>
        {props.clear ? (
          <Link
            href={props.clear.href}
            className="self-center text-sm font-medium text-indigo-700 underline"
          >
            {props.clear.label}
          </Link>
        ) : null}
      </div>
      {props.footer}
    </form>
  );
}
