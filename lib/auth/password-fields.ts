import { z } from 'zod';
import { checkPassword, type PasswordProblem } from './password-policy';
import { emailMaxLength } from '@/lib/field-limits';
import type { ValidationKey } from '@/lib/i18n/validation-key';

const problemKeys: Record<PasswordProblem, ValidationKey> = {
  tooShort: 'passwordTooShort',
  tooLong: 'passwordTooLong',
  containsEmail: 'passwordContainsEmail',
  common: 'passwordCommon',
};

/** The catalog key (under validation.*) that explains a password problem. */
export function passwordProblemKey(problem: PasswordProblem): ValidationKey {
  return problemKeys[problem];
}

/** A password field as forms submit it (messages are catalog keys under validation.*). */
export const passwordField = z.string('required').min(1, 'required').max(1024, 'passwordTooLong');

/** One-line text: names, emails; line breaks would let a value inject email headers. */
export function singleLineField(maxLength: number) {
  return z
    .string('required')
    .trim()
    .min(1, 'required')
    .max(maxLength, 'tooLong')
    .refine((value) => !/[\r\n]/.test(value), 'lineBreak');
}

export const emailField = singleLineField(emailMaxLength)
  .pipe(z.email('email'))
  .transform((email) => email.toLowerCase());

/**
 * Checks a new password and its confirmation against the policy, for the email it belongs to.
 * Use in `.superRefine` of a schema that has `password` and `confirmPassword`.
 */
export function checkNewPassword(
  value: { password: string; confirmPassword: string },
  email: string,
  context: z.RefinementCtx,
): void {
  const problem = checkPassword(value.password, email);
  if (problem) {
    context.addIssue({ code: 'custom', path: ['password'], message: problemKeys[problem] });
  } else if (value.password !== value.confirmPassword) {
    context.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'passwordsDiffer' });
  }
}

/**
 * What a single-use link's form sends (accept an invitation, reset a password): the link's
 * token and a new password typed twice. The policy is checked by the domain call, which knows
 * the email the password must not contain.
 */
export const tokenPasswordSchema = z
  .object({ token: z.string().max(200), password: passwordField, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'passwordsDiffer',
  });
