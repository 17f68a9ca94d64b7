'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { cx } from '@/components/ui/cx';
import type { FormAction } from '@/lib/actions/action-result';
import type { SmtpSwitchPlace } from '@/lib/smtp/smtp-switch-place';

export type SmtpSwitchBlock = 'notConfigured' | 'unsavedChanges' | null;

/**
 * What the switch's action answers: the new state, or a question first: turning email off
 * pauses the emailed codes of users who sign in only with them (named, up to ten, of `total`).
 */
export type SmtpSwitchAnswer =
  { enabled: boolean } | { confirm: { emails: string[]; total: number } };

/**
 * "Send email through SMTP": the same switch on the SMTP page and the dashboard. While it
 * cannot be turned on, it says why. It posts the saved version the admin is looking at. Set by
 * the server's environment, it is locked both ways and names the variable.
 */
export function SmtpSwitch(props: {
  enabled: boolean;
  version: string | null;
  blockedBy: SmtpSwitchBlock;
  place: SmtpSwitchPlace;
  action: FormAction<SmtpSwitchAnswer>;
  /** The environment variable that sets the switch (SMTP_ENABLED or SMTP_HOST), if any. */
  lockedBy?: string | null;
}) {
  const t = useTranslations('smtpSwitch');
  const reasonId = useId();
  const { state, isPending, onSubmit, submit, submitted, formError } = useFormAction(props.action);
  const answer = state?.ok ? state.data : null;
  const [dismissed, setDismissed] = useState<SmtpSwitchAnswer | null>(null);
  const question = answer && 'confirm' in answer && answer !== dismissed ? answer.confirm : null;
  const enabled = answer && 'enabled' in answer ? answer.enabled : props.enabled;

  function confirmTurningOff() {
    const data = new FormData();
    for (const [key, value] of submitted.current ?? []) data.set(key, value);
    data.set('confirmed', 'true');
    submit(data);
  }
  // Turning off is always allowed; turning on needs a saved, unchanged configuration.
  const disabled = isPending || Boolean(props.lockedBy) || (!enabled && props.blockedBy !== null);
  const reason = props.lockedBy
    ? t('lockedBy', { variable: props.lockedBy })
    : props.blockedBy && !enabled
      ? t(`blocked.${props.blockedBy}`)
      : null;

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <input type="hidden" name="version" value={props.version ?? ''} />
      <input type="hidden" name="place" value={props.place} />
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
          aria-describedby={reason ? reasonId : undefined}
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
      {reason ? (
        <p
          id={reasonId}
          className={props.lockedBy ? 'text-sm text-slate-600' : 'text-sm text-amber-800'}
        >
          {reason}
        </p>
      ) : null}
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {question ? (
        <div
          role="group"
          aria-labelledby={`${reasonId}-question`}
          className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200"
        >
          <p
            id={`${reasonId}-question`}
            role="alert"
            className="text-sm font-semibold text-slate-900"
          >
            {t('confirmOff.title', { total: question.total })}
          </p>
          <ul className="list-inside list-disc text-sm text-slate-800">
            {question.emails.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
          {question.total > question.emails.length ? (
            <p className="text-sm text-slate-700">
              {t('confirmOff.more', { more: question.total - question.emails.length })}
            </p>
          ) : null}
          <p className="text-sm text-pretty text-slate-700">{t('confirmOff.body')}</p>
          <div className="flex flex-wrap gap-3">
            <Button variant="danger" onClick={confirmTurningOff} disabled={isPending}>
              {t('confirmOff.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setDismissed(answer)} disabled={isPending}>
              {t('confirmOff.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
