'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { accountRoles, type AccountRole } from '@/lib/auth/permissions';

/** "Role in <account>": Admin, Standard or View only, with a line on what the chosen one may do. */
export function AccountRoleField(props: {
  accountName: string;
  defaultValue: AccountRole;
  errors?: string[];
}) {
  const t = useTranslations();
  const [role, setRole] = useState(props.defaultValue);
  return (
    <SelectField
      label={t('users.roles.roleIn', { account: props.accountName })}
      name="role"
      value={role}
      onChange={(event) => setRole(event.target.value as AccountRole)}
      options={accountRoles.map((value) => ({ value, label: t(`users.roles.${value}`) }))}
      hint={t(`accountUsers.roleHint.${role}`)}
      errors={props.errors}
    />
  );
}
