import Link from 'next/link';

const linkClass =
  'rounded-lg px-3 py-1.5 font-medium text-indigo-700 ring-1 ring-slate-200 hover:bg-slate-50 focus:outline-2 focus:outline-indigo-600';
const offClass = 'rounded-lg px-3 py-1.5 text-slate-400 ring-1 ring-slate-100';

/** Previous and next links of a paged list, with what the list holds; an end is shown disabled. */
export function Pager(props: {
  label: string;
  summary: string;
  previous: { href: string; label: string } | { href: null; label: string };
  next: { href: string; label: string } | { href: null; label: string };
}) {
  const item = (link: typeof props.previous, rel: 'prev' | 'next') =>
    link.href ? (
      <Link href={link.href} rel={rel} className={linkClass}>
        {link.label}
      </Link>
    ) : (
      <span aria-disabled="true" className={offClass}>
        {link.label}
      </span>
    );
  return (
    <nav
      aria-label={props.label}
      className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <p className="text-slate-600" aria-live="polite">
        {props.summary}
      </p>
      <div className="flex gap-2">
        {item(props.previous, 'prev')}
        {item(props.next, 'next')}
      </div>
    </nav>
  );
}
