import Link from 'next/link';
import type { ReactNode } from 'react';
import { ChevronLeftIcon } from './icons';

type PageHeaderProps = {
  /** The page's `<h1>`. */
  title: string;
  /** One line under the title on what the page is for. */
  description?: string;
  /** A link back to the parent page, shown above the title. */
  back?: { href: string; label: string };
  /** Buttons on the right, e.g. "Add account". */
  actions?: ReactNode;
};

/** The top of every console page: optional back link, the `<h1>`, a description and actions. */
export function PageHeader({ title, description, back, actions }: PageHeaderProps) {
  return (
    <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {back ? (
          <Link
            href={back.href}
            className="mb-3 inline-flex items-center gap-1 rounded-md text-sm font-medium text-slate-600 hover:text-slate-900"
          >
            <ChevronLeftIcon className="size-4" />
            {back.label}
          </Link>
        ) : null}
        <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900">
          {title}
        </h1>
        {description ? (
          <p className="mt-1.5 max-w-3xl text-sm/6 text-pretty text-slate-600">{description}</p>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}
