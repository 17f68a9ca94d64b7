'use client';

import Link from 'next/link';
import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-message';

/** What the page says after a change whose dialog is gone (added, deleted). */
export interface Notice {
  text: string;
  link?: { href: string; label: string };
  /** Move focus here: the control that was focused disappeared with its row. */
  focus?: boolean;
}

const NoticeContext = createContext<{
  notice: (Notice & { key: number }) | null;
  show: (notice: Notice) => void;
}>({ notice: null, show: () => {} });

export function AccountNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null);
  const show = (next: Notice) =>
    setNotice((current) => ({ ...next, key: (current?.key ?? 0) + 1 }));
  return <NoticeContext value={{ notice, show }}>{children}</NoticeContext>;
}

/** Shows a notice above the table. */
export function useAccountNotice(): (notice: Notice) => void {
  return use(NoticeContext).show;
}

/** The live region for notices; kept when the change leaves no row (or no table) to show. */
export function AccountNotice() {
  const { notice } = use(NoticeContext);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.focus) region.current?.focus();
  }, [notice]);
  return (
    <div ref={region} tabIndex={-1} aria-live="polite" className="mb-4 outline-none empty:hidden">
      {notice ? (
        <FormMessage key={notice.key} tone="success">
          {notice.text}
          {notice.link ? (
            <>
              {' '}
              <Link href={notice.link.href} className="font-medium underline">
                {notice.link.label}
              </Link>
            </>
          ) : null}
        </FormMessage>
      ) : null}
    </div>
  );
}
