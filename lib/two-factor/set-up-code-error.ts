/**
 * The catalog key for a first code refused while setting a method up (Profile, or right after
 * the password): the app's code and the emailed one are wrong in different ways.
 */
export function setUpCodeErrorKey(method: 'totp' | 'email', reason: 'wrongCode' | 'expiredCode') {
  if (reason === 'expiredCode') return 'profileTwoFactor.email.expiredCode' as const;
  return method === 'email'
    ? ('profileTwoFactor.email.wrongCode' as const)
    : ('profileTwoFactor.wrongCode' as const);
}
