/**
 * The policies of Settings → Security in the order the form offers them. Listed apart from the
 * schema's enum so the browser bundle holds no database code; a test keeps the two equal.
 */
export const twoFactorPolicyOptions = [
  'off',
  'optional',
  'required_for_host_admins',
  'required_for_everyone',
] as const;
