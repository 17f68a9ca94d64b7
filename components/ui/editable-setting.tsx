'use client';

import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormMessage } from './form-message';

/**
 * One setting as it is now, with an Edit button that opens its form in a dialog and a
 * confirmation once saved. `form` receives what closes the dialog.
 */
export function EditableSetting(props: {
  label: string;
  value: ReactNode;
  description: string;
  editLabel: string;
  dialogTitle: string;
  savedMessage: string;
  form: (handlers: { onCancel: () => void; onSaved: () => void }) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h2 className="text-sm font-semibold text-slate-900">{props.label}</h2>
        <p className="mt-1 text-base font-medium break-words text-slate-900">{props.value}</p>
        <p className="mt-1 text-sm text-pretty text-slate-600">{props.description}</p>
        {/* Always in the page, so screen readers announce the confirmation when it appears. */}
        <div aria-live="polite" className="mt-3 empty:hidden">
          {saved ? <FormMessage tone="success">{props.savedMessage}</FormMessage> : null}
        </div>
      </div>
      <Button
        variant="secondary"
        className="shrink-0 self-start"
        onClick={() => {
          setSaved(false);
          setOpen(true);
        }}
      >
        {props.editLabel}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={props.dialogTitle}
        description={props.description}
      >
        {props.form({
          onCancel: () => setOpen(false),
          onSaved: () => {
            setOpen(false);
            setSaved(true);
          },
        })}
      </Dialog>
    </div>
  );
}
