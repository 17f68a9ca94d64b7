'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

type DialogProps = {
  open: boolean;
  /** Called whenever the dialog closes itself (Escape) so the owner can update `open`. */
  onClose: () => void;
  /** The dialog's heading; it also names the dialog for screen readers. */
  title: string;
  description?: string;
  children: ReactNode;
};

/**
 * A modal on the native `<dialog>`: the browser makes the rest of the page inert, keeps focus
 * inside, moves it to the first field on opening and closes on Escape. We add what it leaves
 * to us: a name, and focus back on whatever opened the dialog once it closes.
 */
export function Dialog({ open, onClose, title, description, children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  function onDialogClose() {
    onClose();
    opener.current?.focus();
    opener.current = null;
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onDialogClose}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40 sm:p-7"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? (
        <p id={descriptionId} className="mt-1.5 text-sm/6 text-pretty text-slate-600">
          {description}
        </p>
      ) : null}
      {/* Rendered only while open, so each opening starts from the saved values. */}
      {open ? <div className="mt-5">{children}</div> : null}
    </dialog>
  );
}
