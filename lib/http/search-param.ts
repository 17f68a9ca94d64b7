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

/** A day as `<input type="date">` sends it (YYYY-MM-DD), if the calendar has it; else null. */
export function dayParam(value: string | string[] | undefined): string | null {
  const text = searchParam(value, 10);
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}
