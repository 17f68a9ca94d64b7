/** A path on this site to return to after sign-in; anything else (other sites, `//x`) → dashboard. */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/dashboard';
  }
  return value;
}
