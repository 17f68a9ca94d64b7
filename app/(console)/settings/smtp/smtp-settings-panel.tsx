'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { SmtpSwitch, type SmtpSwitchAnswer } from '@/components/smtp/smtp-switch';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { SmtpTestReport } from '@/lib/smtp/send-test-email';
import type { SmtpSettingsView } from '@/lib/smtp/get-smtp-settings';
import type { SmtpPreset } from '@/lib/smtp/presets';
import {
  formValuesFrom,
  hasUnsavedChanges,
  type SmtpFormValues,
} from '@/lib/smtp/smtp-form-values';
import { storedSecretRefusal } from '@/lib/smtp/stored-oauth-secret-rule';
import { storedPasswordRefusal } from '@/lib/smtp/stored-password-rule';
import { PresetPicker } from './preset-picker';
import { SmtpFields } from './smtp-fields';
import { SmtpTestPanel } from './smtp-test-panel';

export interface SmtpPanelActions {
  save: FormAction<SmtpSettingsView>;
  test: FormAction<{ report: SmtpTestReport; testedAt: string }>;
  setEnabled: FormAction<SmtpSwitchAnswer>;
}

/**
 * The SMTP page's interactive part: the switch, the form and the test. They share one state
 * because the switch must know whether the form holds unsaved changes.
 */
export function SmtpSettingsPanel(props: {
  saved: SmtpSettingsView | null;
  hostName: string;
  adminEmail: string;
  lastTest: { report: SmtpTestReport; testedAt: string } | null;
  actions: SmtpPanelActions;
}) {
  const t = useTranslations('smtp.form');
  const [saved, setSaved] = useState(props.saved);
  const [baseline, setBaseline] = useState(() => formValuesFrom(props.saved, props.hostName));
  const [values, setValues] = useState(baseline);
  const [preset, setPreset] = useState<SmtpPreset | null>(null);
  const [switchedOff, setSwitchedOff] = useState<'ssl' | 'starttls' | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const save = useFormAction(props.actions.save);
  const test = useFormAction(props.actions.test);
  // Field errors come from whichever of Save and Send test ran last.
  const [errorsFrom, setErrorsFrom] = useState<'save' | 'test'>('save');
  const [lastSavedState, setLastSavedState] = useState(save.state);

  // A successful save becomes the new baseline: the form is clean and the switch may turn on.
  if (save.state !== lastSavedState) {
    setLastSavedState(save.state);
    if (save.state?.ok) {
      const view = save.state.data;
      const next = formValuesFrom(view, props.hostName);
      setSaved(view);
      setBaseline(next);
      setValues(next);
    }
  }

  const dirty = hasUnsavedChanges(values, baseline);
  // The same rule Save and Send test apply, so the hint never promises what they refuse.
  const storedPassword = !saved?.hasPassword
    ? 'none'
    : storedPasswordRefusal({ ...values, password: '' }, saved)
      ? 'notReused'
      : 'reused';
  const storedSecret =
    saved?.signIn !== 'oauth2' || !saved.hasOauthSecret
      ? 'none'
      : storedSecretRefusal(
            { ...values, oauthClientSecret: '', oauthKeyJson: '', signIn: 'oauth2' },
            saved,
          )
        ? 'notReused'
        : 'reused';
  function change(patch: Partial<SmtpFormValues>) {
    if (patch.ssl && values.starttls) setSwitchedOff('starttls');
    else if (patch.starttls && values.ssl) setSwitchedOff('ssl');
    else if ('ssl' in patch || 'starttls' in patch) setSwitchedOff(null);
    setValues((current) => ({ ...current, ...patch }));
  }
  function pickPreset(picked: SmtpPreset) {
    setPreset(picked);
    change({
      host: picked.host,
      port: String(picked.port),
      ssl: picked.encryption === 'ssl',
      starttls: picked.encryption === 'starttls',
      auth: true,
      ...(picked.username ? { username: picked.username } : {}),
      ...(picked.oauthProvider ? { signIn: 'oauth2', oauthProvider: picked.oauthProvider } : {}),
    });
  }

  return (
    <div className="space-y-6">
      <Card className="p-5">
        <SmtpSwitch
          enabled={saved?.enabled ?? false}
          version={saved?.version ?? null}
          blockedBy={!saved ? 'notConfigured' : dirty ? 'unsavedChanges' : null}
          place="smtpPage"
          action={props.actions.setEnabled}
          lockedBy={saved?.setBy?.enabled}
        />
      </Card>
      <Card className="p-5">
        <form
          ref={form}
          onSubmit={(event) => {
            setErrorsFrom('save');
            save.onSubmit(event);
          }}
          noValidate
          className="space-y-6"
        >
          <PresetPicker selected={preset} onPick={pickPreset} />
          {save.formError ? <FormMessage>{save.formError}</FormMessage> : null}
          {save.state?.ok && !dirty ? <FormMessage tone="success">{t('saved')}</FormMessage> : null}
          <fieldset disabled={save.isPending} className="space-y-6">
            <legend className="sr-only">{t('legend')}</legend>
            <SmtpFields
              values={values}
              onChange={change}
              errors={errorsFrom === 'save' ? save.fieldErrors : test.fieldErrors}
              storedPassword={storedPassword}
              storedSecret={storedSecret}
              storedKeyOwner={saved?.oauthProvider === 'google' ? saved.oauthClientId : null}
              switchedOff={switchedOff}
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit">{save.isPending ? t('saving') : t('save')}</Button>
              {dirty ? <span className="text-sm text-amber-800">{t('unsaved')}</span> : null}
            </div>
          </fieldset>
        </form>
      </Card>
      <SmtpTestPanel
        form={form}
        adminEmail={props.adminEmail}
        lastTest={props.lastTest}
        onSwitchToOAuth={(oauthProvider) => {
          change({ auth: true, signIn: 'oauth2', oauthProvider });
          form.current
            ?.querySelector<HTMLInputElement>('input[name="signIn"][value="oauth2"]')
            ?.focus();
        }}
        test={{
          ...test,
          submit: (data) => {
            setErrorsFrom('test');
            test.submit(data);
          },
        }}
      />
    </div>
  );
}
