'use client';

import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * A secondary button that opens a dialog of stacked sections, each with its own form, and a
 * Close button under them: Edit on a user, Manage on an account. `children` gets `close` for a
 * section whose success ends the dialog (Revoke).
 */
export function SectionsDialog(props: {
  labels: { open: string; openFor: string; title: string; close: string };
  children: (close: () => void) => ReactNode;
}) {
  const { labels } = props;
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={labels.openFor}>
        {labels.open}
      </Button>
      <Dialog open={open} onClose={close} title={labels.title}>
        <div className="divide-y divide-slate-200 [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          {props.children(close)}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={close}>
              {labels.close}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
