/** The first thing a keyboard user reaches: jumps past the header and navigation. */
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  return (
    <a
      href={`#${targetId}`}
      className="fixed top-3 left-3 z-50 -translate-y-20 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-700 shadow-lg ring-1 ring-slate-200 transition-transform focus:translate-y-0"
    >
      {children}
    </a>
  );
}
