'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { FormMessage } from '@/components/ui/form-message';
import { cx } from '@/components/ui/cx';
import type { FormAction } from '@/lib/actions/action-result';

export type SmtpSwitchBlock = 'notConfigured' | 'unsavedChanges' | null;

/**
 * "Send email through SMTP": the same switch on the SMTP page and the dashboard. While it
 * cannot be turned on, it says why. It posts the saved version the admin is looking at.
 */
export function SmtpSwitch(props: {
  enabled: boolean;
  version: string | null;
  blockedBy: SmtpSwitchBlock;
  action: FormAction<{ enabled: boolean }>;
}) {
  const t = useTranslations('smtpSwitch');
  const reasonId = useId();
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  const enabled = state?.ok ? state.data.enabled : props.enabled;
  // Turning off is always allowed; turning on needs a saved, unchanged configuration.
  const disabled = isPending || (!enabled && props.blockedBy !== null);

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <input type="hidden" name="version" value={props.version ?? ''} />
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold text-slate-900">{t('label')}</p>
          <p className="text-sm text-slate-600">{enabled ? t('on') : t('off')}</p>
        </div>
        <button
          type="submit"
          role="switch"
          aria-checked={enabled}
          aria-label={t('label')}
          aria-describedby={props.blockedBy && !enabled ? reasonId : undefined}
          disabled={disabled}
          className={cx(
            'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60',
            enabled ? 'bg-indigo-600' : 'bg-slate-300',
          )}
        >
          <span
            aria-hidden="true"
            className={cx(
              'inline-block size-5 rounded-full bg-white shadow transition-transform',
              enabled ? 'translate-x-5.5' : 'translate-x-0.5',
            )}
          />
        </button>
      </div>
      {props.blockedBy && !enabled ? (
        <p id={reasonId} className="text-sm text-amber-800">
          {t(`blocked.${props.blockedBy}`)}
        </p>
      ) : null}
      {formError ? <FormMessage>{formError}</FormMessage> : null}
    </form>
  );
}
