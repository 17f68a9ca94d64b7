import type { AuditDetails } from './record-event';

type Value = string | number | boolean | null;

/**
 * What a save changed, field by field: `{ field: { from, to } }` for the fields whose value
 * differs. Secrets are compared but never written: a changed one reads `{ changed: true }`.
 */
export function changedFields<Fields extends Record<string, Value>>(
  before: Fields | null,
  after: Fields,
  secrets: readonly (keyof Fields)[] = [],
): AuditDetails {
  const changes: AuditDetails = {};
  for (const field of Object.keys(after) as (keyof Fields & string)[]) {
    const from: Value = before?.[field] ?? null;
    const to: Value = after[field] ?? null;
    if (from === to) continue;
    changes[field] = secrets.includes(field) ? { changed: true } : { from, to };
  }
  return changes;
}
