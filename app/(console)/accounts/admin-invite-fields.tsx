'use client';

import { useLocale, useTranslations } from 'next-intl';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

/**
 * The first admin's address and language (`adminEmail`, `language`): in Add account's
 * "Invite its administrator" and in Complete setup when nobody is waiting any more.
 */
export function AdminInviteFields(props: { errors?: Record<string, string[] | undefined> }) {
  const t = useTranslations('accounts.admin');
  const locale = useLocale();
  return (
    <>
      <TextField
        label={t('email')}
        name="adminEmail"
        type="email"
        autoComplete="off"
        required
        errors={props.errors?.adminEmail}
      />
      <SelectField
        label={t('language')}
        name="language"
        defaultValue={locale}
        hint={t('languageHint')}
        options={[
          { value: 'en', label: 'English' },
          { value: 'de', label: 'Deutsch' },
        ]}
        errors={props.errors?.language}
      />
    </>
  );
}
