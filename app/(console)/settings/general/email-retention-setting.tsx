'use client';

import { useTranslations } from 'next-intl';
import { EditableSetting } from '@/components/ui/editable-setting';
import type { FormAction } from '@/lib/actions/action-result';
import { EmailRetentionForm } from './email-retention-form';

/** How long the delivery log keeps finished emails, with an Edit button that opens the form. */
export function EmailRetentionSetting(props: { days: number; action: FormAction }) {
  const t = useTranslations('general.emailRetention');
  return (
    <EditableSetting
      label={t('label')}
      value={t('value', { days: props.days })}
      description={t('description')}
      editLabel={t('edit')}
      dialogTitle={t('dialogTitle')}
      savedMessage={t('saved')}
      form={(handlers) => (
        <EmailRetentionForm days={props.days} action={props.action} {...handlers} />
      )}
    />
  );
}
