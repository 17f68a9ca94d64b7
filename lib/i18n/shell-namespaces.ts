import type { MessageNamespace } from './pick-messages';

/**
 * What the client components outside any page use: the header's menus and account picker,
 * and the console's error boundary. The root layout passes only these to the browser; each
 * page adds its own through `ClientMessages`. tests/unit/client-messages.test.ts checks both.
 */
export const shellNamespaces = [
  'shell.accountPicker',
  'users.roles',
  'userMenu',
  'languageSwitch',
  'errorPage',
] as const satisfies readonly MessageNamespace[];
