import Link from 'next/link';

/** Under a log's heading: how long it keeps its rows, and where to change that. */
export function RetentionNote(props: { text: string; change: { href: string; label: string } }) {
  return (
    <p className="-mt-4 mb-6 text-sm text-slate-600">
      {props.text}{' '}
      <Link href={props.change.href} className="font-medium text-indigo-700 underline">
        {props.change.label}
      </Link>
    </p>
  );
}
