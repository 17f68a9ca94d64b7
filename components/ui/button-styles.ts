import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white shadow-xs hover:bg-indigo-700 disabled:bg-indigo-400',
  secondary:
    'bg-white text-slate-800 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:text-slate-500',
  danger: 'bg-red-700 text-white shadow-xs hover:bg-red-800 disabled:bg-red-400',
};

/** The classes of a button, shared by `<Button>` and `<ButtonLink>` so both look the same. */
export function buttonClassName(variant: ButtonVariant = 'primary', className?: string): string {
  return cx(
    'inline-flex items-center justify-center gap-2 rounded-lg px-3.5 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed',
    variants[variant],
    className,
  );
}
