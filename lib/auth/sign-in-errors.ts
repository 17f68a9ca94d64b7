// What authorize() throws, which next-auth hands to the sign-in form as `error`: codes only,
// never an internal error's text (next-auth would put that in its redirect URL).

/** Sign-in is throttled; the time the block ends follows the colon. */
export const throttledErrorPrefix = 'throttled:';

export const signInErrorCodes = {
  /** The database did not answer: nobody can sign in until it is back. */
  unavailable: 'DatabaseUnavailable',
  /** Anything else unexpected; the server log has the cause. */
  failed: 'SignInFailed',
  /** The password was right; the second step's page comes next (its cookie is set). */
  secondStep: 'SecondStep',
} as const;
