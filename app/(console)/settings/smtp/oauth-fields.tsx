'use client';

import { useTranslations } from 'next-intl';
import { RadioCards } from '@/components/ui/radio-cards';
import { TextField } from '@/components/ui/text-field';
import type { FieldErrors } from '@/lib/actions/action-result';
import { oauthProviders } from '@/lib/oauth/oauth-settings';
import type { SmtpFormValues } from '@/lib/smtp/smtp-form-values';
import { MicrosoftCloud } from './microsoft-cloud';
import { OAuthSetupSteps } from './oauth-setup-steps';
import { ServiceAccountKeyField } from './service-account-key-field';

/** Whether a secret is stored, and whether a blank field would reuse it with these values. */
export type StoredSecret = 'none' | 'reused' | 'notReused';

const providerLabels = {
  microsoft: 'providerMicrosoft',
  google: 'providerGoogle',
  other: 'providerOther',
} as const;

const storedSecretHint = { reused: 'secretStored', notReused: 'secretStoredNotReused' } as const;

/** Sign in with OAuth2: the provider, its own fields, and what to set up there first. */
export function OAuthFields(props: {
  values: SmtpFormValues;
  onChange: (patch: Partial<SmtpFormValues>) => void;
  errors?: FieldErrors;
  storedSecret: StoredSecret;
  /** The client email of a stored Google key. */
  storedKeyOwner: string | null;
}) {
  const t = useTranslations('smtp.form');
  const { values, onChange, errors } = props;
  const provider = values.oauthProvider;
  const secretHint = (hint: string) =>
    props.storedSecret === 'none' ? hint : t(storedSecretHint[props.storedSecret]);
  const secretField = (hint: string) => (
    <TextField
      label={t('clientSecret')}
      name="oauthClientSecret"
      type="password"
      value={values.oauthClientSecret}
      onChange={(event) => onChange({ oauthClientSecret: event.target.value })}
      errors={errors?.oauthClientSecret}
      hint={secretHint(hint)}
      placeholder={props.storedSecret === 'reused' ? t('passwordUnchanged') : undefined}
      autoComplete="new-password"
      maxLength={1024}
    />
  );

  const clientIdField = (label: string, placeholder?: string) => (
    <TextField
      label={label}
      name="oauthClientId"
      value={values.oauthClientId}
      onChange={(event) => onChange({ oauthClientId: event.target.value })}
      errors={errors?.oauthClientId}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      maxLength={255}
    />
  );

  return (
    <div className="space-y-5">
      <RadioCards
        legend={t('oauthProvider')}
        name="oauthProvider"
        value={provider}
        columns={3}
        options={oauthProviders.map((value) => ({ value, label: t(providerLabels[value]) }))}
        onChange={(oauthProvider) => onChange({ oauthProvider })}
        errors={errors?.oauthProvider}
      />
      {provider === 'microsoft' ? (
        <>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t('tenant')}
              name="oauthTenant"
              value={values.oauthTenant}
              onChange={(event) => onChange({ oauthTenant: event.target.value })}
              errors={errors?.oauthTenant}
              hint={t('tenantHint')}
              placeholder="contoso.onmicrosoft.com"
              autoComplete="off"
              spellCheck={false}
              maxLength={253}
            />
            {clientIdField(t('clientId'), '00000000-0000-0000-0000-000000000000')}
          </div>
          {secretField(t('clientSecretHint'))}
          <MicrosoftCloud values={values} onChange={onChange} errors={errors} />
        </>
      ) : null}
      {provider === 'google' ? (
        <ServiceAccountKeyField
          values={values}
          onChange={onChange}
          errors={errors}
          hint={
            props.storedKeyOwner && props.storedSecret === 'reused'
              ? t('keyStored', { clientEmail: props.storedKeyOwner })
              : props.storedSecret === 'notReused'
                ? t('secretStoredNotReused')
                : t('keyJsonHint')
          }
        />
      ) : null}
      {provider === 'other' ? (
        <>
          <TextField
            label={t('tokenUrl')}
            name="oauthTokenUrl"
            type="url"
            value={values.oauthTokenUrl}
            onChange={(event) => onChange({ oauthTokenUrl: event.target.value })}
            errors={errors?.oauthTokenUrl}
            hint={t('tokenUrlHint')}
            placeholder="https://auth.example.com/oauth2/token"
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            {clientIdField(t('otherClientId'))}
            <TextField
              label={t('scope')}
              name="oauthScope"
              value={values.oauthScope}
              onChange={(event) => onChange({ oauthScope: event.target.value })}
              errors={errors?.oauthScope}
              hint={t('scopeHint')}
              autoComplete="off"
              spellCheck={false}
              maxLength={1024}
            />
          </div>
          {secretField(t('otherClientSecretHint'))}
        </>
      ) : null}
      <OAuthSetupSteps
        provider={provider}
        clientId={values.oauthClientId}
        mailbox={values.username}
      />
    </div>
  );
}
