// PostgreSQL refuses a NUL byte in text, and no other C0 control character belongs in a form
// value either: the action factory refuses them as a field error on the field, before any
// schema or query sees the value.

/** C0 controls but tab, line feed and carriage return: allowed in no field. */
const neverAllowed = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const tab = /\t/;
const lineBreak = /[\r\n]/;

/** The catalog key (under `validation.`) of what is wrong with a form value. */
export type ControlCharacterProblem = 'controlCharacters' | 'lineBreak';

/**
 * Each form value holding control characters, by field name. `multiline` fields (a pasted
 * certificate) may hold tabs and line breaks; in any other field a line break gets its own
 * message, as the schemas of single-line fields already word it.
 */
export function controlCharacterProblems(
  formData: FormData,
  multiline: readonly string[] = [],
): Record<string, ControlCharacterProblem> {
  const problems: Record<string, ControlCharacterProblem> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    if (neverAllowed.test(value)) problems[name] = 'controlCharacters';
    else if (multiline.includes(name)) continue;
    else if (tab.test(value)) problems[name] = 'controlCharacters';
    else if (lineBreak.test(value)) problems[name] ??= 'lineBreak';
  }
  return problems;
}
