'use client';

import { useTranslations } from 'next-intl';
import { EditableSetting } from '@/components/ui/editable-setting';
import type { FormAction } from '@/lib/actions/action-result';
import { InvitationLifetimeForm } from './invitation-lifetime-form';

/** How long new invitation links live, with an Edit button that opens the form. */
export function InvitationLifetimeSetting(props: { hours: number; action: FormAction }) {
  const t = useTranslations('general.invitationLifetime');
  return (
    <EditableSetting
      label={t('label')}
      value={
        props.hours % 24 === 0
          ? t('valueDays', { days: props.hours / 24 })
          : t('valueHours', { hours: props.hours })
      }
      description={t('description')}
      editLabel={t('edit')}
      dialogTitle={t('dialogTitle')}
      savedMessage={t('saved')}
      form={(handlers) => (
        <InvitationLifetimeForm hours={props.hours} action={props.action} {...handlers} />
      )}
    />
  );
}
