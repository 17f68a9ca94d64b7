'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import type { FormAction } from '@/lib/actions/action-result';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import { AccountFinder } from './account-finder';

/** Host and account roles share their names (and their labels here). */
type Role = HostRole | AccountRole;

export type RoleChoice =
  | { type: 'host'; hostRole: HostRole }
  | { type: 'individual'; accounts: { accountId: string; role: AccountRole }[] };

export interface PickableAccount {
  id: string;
  name: string;
  /** The roles the viewer may give in this account. */
  roles: Role[];
}

/** The server's search for accounts the viewer may give roles in (a host has thousands). */
export type AccountSearch = FormAction<{ accounts: PickableAccount[]; more: boolean }>;

/**
 * Host user with one host role, or individual user with a role in each chosen account. Sends
 * `type`, `hostRole` and `accounts` (JSON) as lib/users/user-forms.ts reads them. With
 * `fixedType`, the type cannot change and the accounts are the user's own (role only);
 * otherwise the accounts are found by name (`findAccounts`) and the chosen ones stay listed.
 */
export function RolePicker(props: {
  initial: RoleChoice;
  hostRoles: readonly Role[];
  /** The accounts listed: the user's own with `fixedType`, else none until a search. */
  accounts: PickableAccount[];
  findAccounts?: AccountSearch;
  fixedType?: boolean;
  errors?: Record<string, string[] | undefined>;
}) {
  const t = useTranslations('users.roles');
  const groupId = useId();
  const [type, setType] = useState(props.initial.type);
  const [hostRole, setHostRole] = useState<Role>(
    props.initial.type === 'host' ? props.initial.hostRole : (props.hostRoles.at(-1) ?? 'view'),
  );
  const [chosen, setChosen] = useState(
    new Map(
      props.initial.type === 'individual'
        ? props.initial.accounts.map((entry) => [entry.accountId, entry.role] as const)
        : [],
    ),
  );
  const roleOptions = (roles: readonly Role[]) =>
    roles.map((role) => ({ value: role, label: t(role) }));
  // Every account shown so far, so a chosen one stays listed when a new search leaves it out.
  const [seen, setSeen] = useState(
    () => new Map(props.accounts.map((account) => [account.id, account] as const)),
  );
  const [found, setFound] = useState<PickableAccount[]>([]);
  const showFound = (accounts: PickableAccount[]) => {
    setFound(accounts);
    setSeen((current) => new Map([...current, ...accounts.map((a) => [a.id, a] as const)]));
  };
  const listed = props.findAccounts
    ? [
        ...[...chosen.keys()].flatMap((id) => seen.get(id) ?? []),
        ...found.filter((account) => !chosen.has(account.id)),
      ]
    : props.accounts;
  const choose = (accountId: string, role: Role | null) =>
    setChosen((current) => {
      const next = new Map(current);
      if (role) next.set(accountId, role);
      else next.delete(accountId);
      return next;
    });
  const accountsValue = JSON.stringify(
    [...chosen].map(([accountId, role]) => ({ accountId, role })),
  );

  return (
    <div className="space-y-4">
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="accounts" value={type === 'individual' ? accountsValue : '[]'} />
      {props.fixedType ? null : (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('type')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(['host', 'individual'] as const).map((option) => (
              <label
                key={option}
                className="flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ring-slate-200 has-checked:ring-2 has-checked:ring-indigo-600"
              >
                <input
                  type="radio"
                  name={`${groupId}-type`}
                  checked={type === option}
                  disabled={option === 'host' ? props.hostRoles.length === 0 : false}
                  onChange={() => setType(option)}
                  className="mt-0.5 accent-indigo-600"
                />
                <span>
                  <span className="block font-medium text-slate-900">{t(`${option}.title`)}</span>
                  <span className="block text-slate-600">{t(`${option}.description`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {type === 'host' ? (
        <SelectField
          label={t('hostRole')}
          name="hostRole"
          value={hostRole}
          onChange={(event) => setHostRole(event.target.value as Role)}
          options={roleOptions(props.hostRoles)}
          hint={t(`hostHint.${hostRole}`)}
          errors={props.errors?.hostRole}
        />
      ) : (
        <fieldset aria-describedby={props.errors?.accounts ? `${groupId}-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('accounts')}</legend>
          {props.findAccounts ? (
            <AccountFinder search={props.findAccounts} onFound={showFound} />
          ) : null}
          {listed.length === 0 ? (
            props.findAccounts ? null : (
              <p className="mt-1.5 text-sm text-slate-600">{t('noAccounts')}</p>
            )
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
              {listed.map((account) => {
                const role = chosen.get(account.id);
                return (
                  <li key={account.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                    {props.fixedType ? (
                      <span className="min-w-0 flex-1 truncate text-slate-900">{account.name}</span>
                    ) : (
                      <label className="flex min-w-0 flex-1 items-center gap-3">
                        <input
                          type="checkbox"
                          checked={role !== undefined}
                          onChange={(event) =>
                            choose(
                              account.id,
                              event.target.checked ? (account.roles.at(-1) ?? null) : null,
                            )
                          }
                          className="size-4 accent-indigo-600"
                        />
                        <span className="truncate text-slate-900">{account.name}</span>
                      </label>
                    )}
                    {role ? (
                      <select
                        aria-label={t('roleIn', { account: account.name })}
                        value={role}
                        onChange={(event) => choose(account.id, event.target.value as Role)}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                      >
                        {roleOptions(account.roles).map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {props.errors?.accounts ? (
            <p id={`${groupId}-error`} className="mt-1.5 text-sm text-red-700">
              {props.errors.accounts.join(' ')}
            </p>
          ) : null}
        </fieldset>
      )}
    </div>
  );
}
