/**
 * A LIKE pattern finding `text` anywhere, lower-cased for a `lower(column)` index, with `%`,
 * `_` and `\` typed by a person matched literally (backslash is LIKE's default escape).
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
