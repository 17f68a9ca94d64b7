import type { ReactNode } from 'react';
import { cx } from './cx';

/** A message above or below a form: an error (announced at once) or a confirmation. */
export function FormMessage({
  tone = 'error',
  children,
}: {
  tone?: 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx(
        'rounded-lg px-3 py-2 text-sm',
        tone === 'error'
          ? 'bg-red-50 text-red-800 ring-1 ring-red-200'
          : 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200',
      )}
    >
      {children}
    </p>
  );
}
