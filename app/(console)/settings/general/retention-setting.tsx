'use client';

import { EditableSetting } from '@/components/ui/editable-setting';
import type { FormAction } from '@/lib/actions/action-result';
import { RetentionForm, useRetentionTexts, type RetentionKind } from './retention-form';

/**
 * How long a log keeps its rows (the delivery log's finished emails, the audit log's events),
 * with an Edit button that opens the form.
 */
export function RetentionSetting(props: {
  kind: RetentionKind;
  days: number;
  limits: { minDays: number; maxDays: number };
  action: FormAction;
}) {
  const t = useRetentionTexts(props.kind);
  return (
    <EditableSetting
      label={t('label')}
      value={t('value', { days: props.days })}
      description={t('description')}
      editLabel={t('edit')}
      dialogTitle={t('dialogTitle')}
      savedMessage={t('saved')}
      form={(handlers) => (
        <RetentionForm
          kind={props.kind}
          days={props.days}
          limits={props.limits}
          action={props.action}
          {...handlers}
        />
      )}
    />
  );
}
