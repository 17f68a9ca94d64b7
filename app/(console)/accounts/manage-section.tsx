import { useId, type ReactNode } from 'react';

/** One titled section of the Manage dialog. */
export function ManageSection(props: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}
