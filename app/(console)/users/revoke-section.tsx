'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';

/**
 * Revoke, behind a confirmation that says what it does and that it cannot be undone. An
 * account's Users page passes its own `explain` and `confirmQuestion` (it revokes a role there).
 */
export function RevokeSection<Revoked extends { email: string }>(props: {
  user: Pick<UserRow, 'id' | 'email'>;
  action: FormAction<Revoked>;
  onRevoked: () => void;
  explain?: string;
  confirmQuestion?: string;
}) {
  const t = useTranslations('users.edit.revoke');
  const [confirming, setConfirming] = useState(false);
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  const revoked = useEffectEvent(props.onRevoked);
  useEffect(() => {
    if (state?.ok) revoked();
  }, [state]);

  return (
    <section aria-labelledby="revoke-heading" className="space-y-3">
      <h3 id="revoke-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <p className="text-sm text-slate-600">{props.explain ?? t('explain')}</p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {confirming ? (
        <form
          onSubmit={onSubmit}
          className="space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-red-200"
        >
          <input type="hidden" name="userId" value={props.user.id} />
          <p className="text-sm text-red-900">
            {props.confirmQuestion ?? t('confirmQuestion', { email: props.user.email })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={isPending}>
              {t('confirm', { email: props.user.email })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('keep')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('start')}
        </Button>
      )}
    </section>
  );
}
