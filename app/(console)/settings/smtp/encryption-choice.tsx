'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import type { SmtpFormValues } from '@/lib/smtp/smtp-form-values';
import type { FieldErrors } from '@/lib/actions/action-result';

/**
 * Enable SSL / Enable StartTLS: mutually exclusive. Turning one on turns the other off and
 * says so in one line.
 */
export function EncryptionChoice(props: {
  values: SmtpFormValues;
  onChange: (patch: Partial<SmtpFormValues>) => void;
  errors?: FieldErrors;
  switchedOff: 'ssl' | 'starttls' | null;
}) {
  const t = useTranslations('smtp.form');
  return (
    <div className="space-y-3">
      <CheckboxField
        name="ssl"
        label={t('ssl')}
        description={t('sslHint')}
        checked={props.values.ssl}
        onChange={(ssl) => props.onChange(ssl ? { ssl, starttls: false } : { ssl })}
        errors={props.errors?.ssl}
      />
      <CheckboxField
        name="starttls"
        label={t('starttls')}
        description={t('starttlsHint')}
        checked={props.values.starttls}
        onChange={(starttls) => props.onChange(starttls ? { starttls, ssl: false } : { starttls })}
        errors={props.errors?.starttls}
      />
      {props.switchedOff ? (
        <p role="status" className="text-sm text-slate-600">
          {t(props.switchedOff === 'ssl' ? 'sslTurnedOff' : 'starttlsTurnedOff')}
        </p>
      ) : null}
    </div>
  );
}
