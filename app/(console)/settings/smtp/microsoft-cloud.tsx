'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import type { FieldErrors } from '@/lib/actions/action-result';
import { microsoftCloud } from '@/lib/oauth/microsoft-clouds';
import type { SmtpFormValues } from '@/lib/smtp/smtp-form-values';

/** Microsoft's national clouds: another sign-in authority, and the SMTP host that goes with it. */
export function MicrosoftCloud(props: {
  values: SmtpFormValues;
  onChange: (patch: Partial<SmtpFormValues>) => void;
  errors?: FieldErrors;
}) {
  const t = useTranslations('smtp.form');
  const { values, onChange, errors } = props;
  const cloud = microsoftCloud(values.oauthAuthority.trim() || null);
  const hostFollows = values.host.trim().toLowerCase() !== cloud.smtpHost;
  return (
    <details
      className="rounded-lg ring-1 ring-slate-200"
      open={Boolean(values.oauthAuthority) || Boolean(errors?.oauthAuthority)}
    >
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-800">
        {t('advancedCloud')}
      </summary>
      <div className="space-y-3 px-4 pb-4">
        <TextField
          label={t('authority')}
          name="oauthAuthority"
          type="url"
          value={values.oauthAuthority}
          onChange={(event) => onChange({ oauthAuthority: event.target.value })}
          errors={errors?.oauthAuthority}
          hint={t('authorityHint')}
          placeholder="https://login.microsoftonline.com"
          autoComplete="off"
          spellCheck={false}
          maxLength={2048}
        />
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {t('cloudHost', { host: cloud.smtpHost })}
          {hostFollows ? (
            <button
              type="button"
              className="font-medium text-indigo-700 underline"
              onClick={() =>
                onChange({ host: cloud.smtpHost, port: '587', starttls: true, ssl: false })
              }
            >
              {t('useCloudHost', { host: cloud.smtpHost })}
            </button>
          ) : null}
        </p>
      </div>
    </details>
  );
}
