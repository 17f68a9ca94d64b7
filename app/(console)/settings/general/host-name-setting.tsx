'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import { HostNameForm } from './host-name-form';

/** The host name as it is now, with an Edit button that opens the form in a dialog. */
export function HostNameSetting(props: {
  hostName: string;
  maxLength: number;
  action: FormAction;
}) {
  const t = useTranslations('general.hostName');
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h2 className="text-sm font-semibold text-slate-900">{t('label')}</h2>
        <p className="mt-1 text-base font-medium break-words text-slate-900">{props.hostName}</p>
        <p className="mt-1 text-sm text-pretty text-slate-600">{t('description')}</p>
        {/* Always in the page, so screen readers announce the confirmation when it appears. */}
        <div aria-live="polite" className="mt-3 empty:hidden">
          {saved ? <FormMessage tone="success">{t('saved')}</FormMessage> : null}
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
        {t('edit')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('dialogTitle')}
        description={t('description')}
      >
        <HostNameForm
          hostName={props.hostName}
          maxLength={props.maxLength}
          action={props.action}
          onCancel={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            setSaved(true);
          }}
        />
      </Dialog>
    </div>
  );
}
