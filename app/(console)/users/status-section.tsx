'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';

/** Deactivate (reversible: sessions end, links stop working) or Reactivate. */
export function StatusSection(props: { user: UserRow; action: FormAction }) {
  const t = useTranslations('users.edit.status');
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  const deactivated = props.user.status === 'deactivated';
  return (
    <section aria-labelledby="status-heading" className="space-y-3">
      <h3 id="status-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <p className="text-sm text-slate-600">
        {deactivated ? t('reactivateExplain') : t('deactivateExplain')}
      </p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          {deactivated ? t('deactivated') : t('reactivated')}
        </FormMessage>
      ) : null}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="userId" value={props.user.id} />
        <input type="hidden" name="active" value={deactivated ? 'true' : 'false'} />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {deactivated ? t('reactivate') : t('deactivate')}
        </Button>
      </form>
    </section>
  );
}
