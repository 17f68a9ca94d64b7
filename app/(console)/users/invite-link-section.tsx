'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from './actions';
import { IssuedLinkPanel } from './issued-link-panel';

/** Generate invite link for a pending user: a new link, the old one dead at once. */
export function InviteLinkSection(props: { user: UserRow; action: FormAction<IssuedLink> }) {
  const t = useTranslations('users.edit.link');
  const format = useFormatter();
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  const expiresAt = props.user.invitationExpiresAt;
  return (
    <section aria-labelledby="invite-link-heading" className="space-y-3">
      <h3 id="invite-link-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <p className="text-sm text-slate-600">
        {expiresAt === null
          ? t('none')
          : props.user.invitationExpired
            ? t('expired', {
                time: format.dateTime(new Date(expiresAt), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              })
            : t('open', {
                time: format.dateTime(new Date(expiresAt), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              })}{' '}
        {t('explain')}
      </p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <IssuedLinkPanel issued={state.data} email={props.user.email} mayConfigureSmtp />
      ) : null}
      <form onSubmit={onSubmit}>
        <input type="hidden" name="userId" value={props.user.id} />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? t('generating') : state?.ok ? t('generateAgain') : t('generate')}
        </Button>
      </form>
    </section>
  );
}
