import type { AbstractIntlMessages, Messages, NamespaceKeys, NestedKeyOf } from 'next-intl';

/** A namespace of the catalog, at any depth: `users`, `users.roles`, `shell.accountPicker`. */
export type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The parts of a catalog under the given namespaces, nested as in the catalog. Client
 * components get only these: the whole catalog would be inlined into every page's HTML.
 */
export function pickMessages(
  messages: AbstractIntlMessages,
  namespaces: readonly string[],
): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const path = namespace.split('.');
    let source: AbstractIntlMessages | string | undefined = messages;
    let target = picked;
    for (const [index, segment] of path.entries()) {
      source = typeof source === 'object' ? source[segment] : undefined;
      if (source === undefined) throw new Error(`No messages under "${namespace}"`);
      if (index === path.length - 1) target[segment] = source;
      else target = (target[segment] ??= {}) as AbstractIntlMessages;
    }
  }
  return picked;
}
