import type { z } from 'zod';

import type { Translate } from '@/lib/i18n/translate';
import { isValidationKey } from '@/lib/i18n/validation-key';

/**
 * Zod issues → field errors in the user's language. Schemas give catalog keys under
 * `validation.` as their messages; anything else (zod's own English) becomes "invalid".
 */
export function translateIssues(
  issues: z.core.$ZodIssue[],
  t: Translate,
): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    const key = isValidationKey(issue.message) ? issue.message : 'invalid';
    const limit = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : '';
    const message = t(`validation.${key}`, { limit: Number(limit) || 0 });
    const messages = (fieldErrors[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return fieldErrors;
}
