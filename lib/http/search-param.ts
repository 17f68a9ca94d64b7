import { emailMaxLength } from '@/lib/field-limits';
/**
 * One value of a page's search parameter, fit for a query and a page: the first if the address
 * repeats it, without control characters (PostgreSQL refuses a NUL byte in text; none of them
 * belongs in a search), trimmed, and at most `maxLength` characters.
 */
export function searchParam(
  value: string | string[] | undefined,
  maxLength = emailMaxLength,
): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, maxLength);
}
