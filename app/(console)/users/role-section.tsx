'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import { RolePicker } from './role-picker';
import { hostRoles } from '@/lib/auth/permissions';

/** The user's roles, of the kind they hold: one host role, or a role in each account. */
export function RoleSection(props: { user: UserRow; action: FormAction }) {
  const t = useTranslations('users.edit.roles');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  const { user } = props;
  return (
    <section aria-labelledby="roles-heading" className="space-y-3">
      <h3 id="roles-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="userId" value={user.id} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t('saved')}</FormMessage> : null}
        <RolePicker
          fixedType
          initial={
            user.hostRole
              ? { type: 'host', hostRole: user.hostRole }
              : {
                  type: 'individual',
                  accounts: user.accounts.map((account) => ({
                    accountId: account.id,
                    role: account.role,
                  })),
                }
          }
          hostRoles={hostRoles}
          // Their accounts the viewer may give roles in, with the roles they may give.
          accounts={user.accounts
            .filter((account) => account.grantable.length > 0)
            .map((account) => ({ id: account.id, name: account.name, roles: account.grantable }))}
          errors={fieldErrors}
        />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </Button>
      </form>
    </section>
  );
}
