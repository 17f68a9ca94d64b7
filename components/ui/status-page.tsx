import type { ReactNode } from 'react';
import { ButtonLink } from './button-link';

/** A whole-page answer such as 404 or 403: code, title, what to do, one way onward. */
export function StatusPage(props: {
  icon: ReactNode;
  code: string;
  title: string;
  description: string;
  action: { href: string; label: string };
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 [&>svg]:size-6">
          {props.icon}
        </span>
        <p className="mt-5 text-sm font-semibold text-indigo-700">{props.code}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{props.title}</h1>
        <p className="mt-3 text-sm/6 text-pretty text-slate-600">{props.description}</p>
        <ButtonLink href={props.action.href} className="mt-8">
          {props.action.label}
        </ButtonLink>
      </div>
    </main>
  );
}
