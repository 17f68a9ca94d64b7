import type { ReactNode } from 'react';

type FeatureCardProps = {
  icon: ReactNode;
  title: string;
  description: string;
  /** Shown beside the title, e.g. a "Coming soon" badge. */
  badge?: ReactNode;
};

/** A card describing a feature that has no page of its own (yet); the non-link twin of LinkCard. */
export function FeatureCard({ icon, title, description, badge }: FeatureCardProps) {
  return (
    <div className="flex h-full gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
        {icon}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {badge}
        </div>
        <p className="mt-1 text-sm text-pretty text-slate-600">{description}</p>
      </div>
    </div>
  );
}
