'use client';

import { useTranslations } from 'next-intl';
import { EditableSetting } from '@/components/ui/editable-setting';
import type { FormAction } from '@/lib/actions/action-result';
import { HostNameForm } from './host-name-form';

/** The host name as it is now, with an Edit button that opens the form in a dialog. */
export function HostNameSetting(props: {
  hostName: string;
  maxLength: number;
  action: FormAction;
}) {
  const t = useTranslations('general.hostName');
  return (
    <EditableSetting
      label={t('label')}
      value={props.hostName}
      description={t('description')}
      editLabel={t('edit')}
      dialogTitle={t('dialogTitle')}
      savedMessage={t('saved')}
      form={(handlers) => (
        <HostNameForm
          hostName={props.hostName}
          maxLength={props.maxLength}
          action={props.action}
          {...handlers}
        />
      )}
    />
  );
}
