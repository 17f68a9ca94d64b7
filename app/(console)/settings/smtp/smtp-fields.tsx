'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { sendsPasswordInClear, type SmtpFormValues } from '@/lib/smtp/smtp-form-values';
import { RadioCards } from '@/components/ui/radio-cards';
import { EncryptionChoice } from './encryption-choice';
import { OAuthFields, type StoredSecret } from './oauth-fields';
import { displayNameMaxLength, emailMaxLength, serverHostMaxLength } from '@/lib/field-limits';
import type { FieldErrors } from '@/lib/actions/action-result';

const storedPasswordHint = {
  none: 'passwordHint',
  reused: 'passwordStored',
  notReused: 'passwordStoredNotReused',
} as const;

/** The SMTP form's fields, in the order PRODUCT.md gives them, plus the advanced CA field. */
export function SmtpFields(props: {
  values: SmtpFormValues;
  onChange: (patch: Partial<SmtpFormValues>) => void;
  errors?: FieldErrors;
  /** Whether a password is stored, and whether a blank field would reuse it for this server. */
  storedPassword: 'none' | 'reused' | 'notReused';
  storedSecret: StoredSecret;
  storedKeyOwner: string | null;
  switchedOff: 'ssl' | 'starttls' | null;
}) {
  const t = useTranslations('smtp.form');
  const { values, onChange, errors } = props;
  const portSuggests =
    values.port === '465' && !values.ssl
      ? 'ssl'
      : values.port === '587' && !values.starttls
        ? 'starttls'
        : null;

  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-[1fr_8rem]">
        <TextField
          label={t('host')}
          name="host"
          value={values.host}
          onChange={(event) => onChange({ host: event.target.value })}
          errors={errors?.host}
          placeholder="smtp.example.com"
          autoComplete="off"
          spellCheck={false}
          maxLength={serverHostMaxLength}
        />
        <TextField
          label={t('port')}
          name="port"
          inputMode="numeric"
          value={values.port}
          onChange={(event) => onChange({ port: event.target.value })}
          errors={errors?.port}
          maxLength={5}
        />
      </div>
      {portSuggests ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {t(portSuggests === 'ssl' ? 'port465Suggests' : 'port587Suggests')}
          <button
            type="button"
            className="font-medium text-indigo-700 underline"
            onClick={() =>
              onChange(
                portSuggests === 'ssl'
                  ? { ssl: true, starttls: false }
                  : { starttls: true, ssl: false },
              )
            }
          >
            {t(portSuggests === 'ssl' ? 'useSsl' : 'useStarttls')}
          </button>
        </p>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={t('senderName')}
          name="senderName"
          value={values.senderName}
          onChange={(event) => onChange({ senderName: event.target.value })}
          errors={errors?.senderName}
          maxLength={displayNameMaxLength}
        />
        <TextField
          label={t('senderEmail')}
          name="senderEmail"
          type="email"
          value={values.senderEmail}
          onChange={(event) => onChange({ senderEmail: event.target.value })}
          errors={errors?.senderEmail}
          maxLength={emailMaxLength}
        />
      </div>
      <EncryptionChoice
        values={values}
        onChange={onChange}
        errors={errors}
        switchedOff={props.switchedOff}
      />
      <CheckboxField
        name="auth"
        label={t('auth')}
        description={t('authHint')}
        checked={values.auth}
        onChange={(auth) => onChange({ auth })}
      />
      {values.auth ? (
        <div className="space-y-5 border-l-2 border-slate-100 pl-4">
          <RadioCards
            legend={t('signIn')}
            name="signIn"
            value={values.signIn}
            options={[
              { value: 'password', label: t('signInPassword') },
              { value: 'oauth2', label: t('signInOAuth'), description: t('signInOAuthHint') },
            ]}
            onChange={(signIn) => onChange({ signIn })}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t(values.signIn === 'oauth2' ? 'mailbox' : 'username')}
              name="username"
              value={values.username}
              onChange={(event) => onChange({ username: event.target.value })}
              errors={errors?.username}
              hint={values.signIn === 'oauth2' ? t('mailboxHint') : undefined}
              autoComplete="off"
              maxLength={emailMaxLength}
            />
            {values.signIn === 'password' ? (
              <TextField
                label={t('password')}
                name="password"
                type="password"
                value={values.password}
                onChange={(event) => onChange({ password: event.target.value })}
                errors={errors?.password}
                hint={t(storedPasswordHint[props.storedPassword])}
                placeholder={props.storedPassword === 'reused' ? t('passwordUnchanged') : undefined}
                autoComplete="new-password"
                maxLength={1024}
              />
            ) : null}
          </div>
          {values.signIn === 'oauth2' ? (
            <OAuthFields
              values={values}
              onChange={onChange}
              errors={errors}
              storedSecret={props.storedSecret}
              storedKeyOwner={props.storedKeyOwner}
            />
          ) : null}
        </div>
      ) : null}
      {sendsPasswordInClear(values) ? (
        <p
          role="alert"
          className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('clearTextWarning', { host: values.host || '…' })}
        </p>
      ) : null}
      <details
        className="rounded-lg ring-1 ring-slate-200"
        open={Boolean(values.caPem) || Boolean(errors?.caPem)}
      >
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-800">
          {t('advanced')}
        </summary>
        <div className="px-4 pb-4">
          <TextareaField
            label={t('caPem')}
            name="caPem"
            rows={6}
            value={values.caPem}
            onChange={(event) => onChange({ caPem: event.target.value })}
            errors={errors?.caPem}
            hint={t('caPemHint')}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
          />
        </div>
      </details>
    </div>
  );
}
