import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { auditEventTypes } from '@/lib/audit/event-types';

// Every event type the audit log records has a name and a one-line summary in both catalogs:
// the page looks them up by the type, which the catalog's types cannot check for so many.

function lookup(catalog: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      catalog,
    );
}

describe('audit event texts', () => {
  it.each(auditEventTypes)('%s has a name and a summary in English and German', (type) => {
    for (const catalog of [en, de]) {
      expect(typeof lookup(catalog, `audit.type.${type}`), `audit.type.${type}`).toBe('string');
      expect(typeof lookup(catalog, `audit.summary.${type}`), `audit.summary.${type}`).toBe(
        'string',
      );
    }
  });
});
