import { dictionary } from '@zxcvbn-ts/language-common';

const passwordMinLength = 12;
const passwordMaxLength = 256;

/** Why a password is refused; each has its own message in the catalogs (passwordPolicy.*). */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'containsEmail' | 'common';

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
  const lower = password.toLowerCase();
  // "password1234!" is as guessable as "password": strip what people append to a common one.
  const base = lower.replace(/[\d\W_]+$/, '');
  return (
    commonPasswords.has(lower) ||
    (base.length >= 4 && commonPasswords.has(base)) ||
    /^(.)\1+$/.test(password)
  );
}

/** The first rule of PRODUCT.md's password policy that `password` breaks, or null. */
export function checkPassword(password: string, email: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'tooShort';
  if (password.length > passwordMaxLength) return 'tooLong';
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) return 'containsEmail';
  if (isCommon(password)) return 'common';
  return null;
}
