'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FieldErrors } from '@/lib/actions/action-result';
import type { SmtpFormValues } from '@/lib/smtp/smtp-form-values';

/** The service account's JSON key: pasted, or read from a chosen file into the same field. */
export function ServiceAccountKeyField(props: {
  values: SmtpFormValues;
  onChange: (patch: Partial<SmtpFormValues>) => void;
  errors?: FieldErrors;
  hint: string;
}) {
  const t = useTranslations('smtp.form');
  const fileId = useId();
  const [unreadable, setUnreadable] = useState(false);
  return (
    <div className="space-y-2">
      <TextareaField
        label={t('keyJson')}
        name="oauthKeyJson"
        rows={5}
        value={props.values.oauthKeyJson}
        onChange={(event) => props.onChange({ oauthKeyJson: event.target.value })}
        errors={props.errors?.oauthKeyJson}
        hint={props.hint}
        placeholder='{ "type": "service_account", … }'
        spellCheck={false}
        autoComplete="off"
      />
      <div className="text-sm">
        {/* No name: the file is read into the field above, never sent as a file. */}
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="peer sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            file.text().then(
              (text) => {
                setUnreadable(false);
                props.onChange({ oauthKeyJson: text });
              },
              () => setUnreadable(true),
            );
          }}
        />
        <label
          htmlFor={fileId}
          className="cursor-pointer font-medium text-indigo-700 underline peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-600"
        >
          {t('keyFile')}
        </label>
        {unreadable ? (
          <p role="alert" className="mt-1 text-red-700">
            {t('keyFileUnreadable')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
