import type { ReactNode } from 'react';
import { cx } from './cx';

type CardProps = {
  children: ReactNode;
  className?: string;
};

/** A white panel with a border: the console's basic surface for a block of content. */
export function Card({ children, className }: CardProps) {
  return (
    <div className={cx('rounded-xl border border-slate-200 bg-white shadow-xs', className)}>
      {children}
    </div>
  );
}
