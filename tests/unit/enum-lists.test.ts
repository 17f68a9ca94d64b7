import { describe, expect, it } from 'vitest';
import { languageEnum, roleEnum, twoFactorPolicyEnum } from '@/db/schema';
import { accountRoles, hostRoles } from '@/lib/auth/permissions';
import { locales } from '@/lib/i18n/locales';
import { twoFactorPolicyOptions } from '@/lib/two-factor/policy-options';

// Roles and languages are listed twice on purpose: the browser bundles the app's lists, and must
// not bundle the database schema. They must never drift apart.
describe("the database's enums and the app's lists", () => {
  it('name the same roles', () => {
    expect([...hostRoles]).toEqual(roleEnum.enumValues);
    expect([...accountRoles]).toEqual(roleEnum.enumValues);
  });

  it('name the same languages', () => {
    expect([...locales]).toEqual(languageEnum.enumValues);
  });

  it('name the same two-factor policies', () => {
    expect([...twoFactorPolicyOptions]).toEqual(twoFactorPolicyEnum.enumValues);
  });
});
