'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/**
 * A sidebar link that highlights itself on its own page (`aria-current="page"`) and, less
 * strongly said, on the pages below it (`aria-current="true"`: Host settings on /settings/smtp).
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? 'page' : pathname.startsWith(`${href}/`) ? 'true' : undefined;
  return (
    <Link
      href={href}
      aria-current={current}
      className={cx(
        'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
        current
          ? 'bg-indigo-50 text-indigo-700 [&>svg]:text-indigo-600'
          : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 [&>svg]:text-slate-500',
      )}
    >
      {children}
    </Link>
  );
}
