import Link from 'next/link';
import type { ReactNode } from 'react';
import { ArrowRightIcon } from './icons';

type LinkCardProps = {
  href: string;
  icon: ReactNode;
  title: string;
  description: string;
};

/** A card that is one big link to a sub-page, e.g. "SMTP configuration" on Host settings. */
export function LinkCard({ href, icon, title, description }: LinkCardProps) {
  return (
    <Link
      href={href}
      className="group flex h-full gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-indigo-300 hover:shadow-sm"
    >
      <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
        {icon}
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          {title}
          <ArrowRightIcon className="size-4 text-slate-500 transition group-hover:translate-x-0.5 group-hover:text-indigo-600" />
        </h2>
        <p className="mt-1 text-sm text-pretty text-slate-600">{description}</p>
      </div>
    </Link>
  );
}
