import type { FormAction } from '@/lib/actions/action-result';

/**
 * The action with the account's id added to every form it receives: each action of this page
 * names its account, and the Users page's shared sections know only the user.
 */
export function withAccountId<Data>(action: FormAction<Data>, accountId: string): FormAction<Data> {
  return (previous, form) => {
    form.set('accountId', accountId);
    return action(previous, form);
  };
}
