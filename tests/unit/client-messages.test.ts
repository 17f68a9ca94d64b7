import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { pickMessages } from '@/lib/i18n/pick-messages';
import { shellNamespaces } from '@/lib/i18n/shell-namespaces';
import {
  clientNamespacesOf,
  declaredNamespaces,
  isCovered,
  namespacesUsedBy,
  root,
} from './client-namespaces';

/** Route files under app/, relative to the project. */
function routeFiles(names: string[]): string[] {
  return readdirSync(path.join(root, 'app'), { recursive: true, encoding: 'utf8' })
    .filter((file) => names.includes(path.basename(file)))
    .map((file) => path.join('app', file))
    .sort();
}

const pages = routeFiles(['page.tsx']);
/** Rendered outside every page, so under the root layout's provider alone. */
const shellFiles = routeFiles([
  'layout.tsx',
  'template.tsx',
  'error.tsx',
  'not-found.tsx',
  'forbidden.tsx',
  'unauthorized.tsx',
  'loading.tsx',
]);

const missing = (used: string[], declared: readonly string[]) =>
  used.filter((namespace) => !isCovered(namespace, declared));

describe('messages sent to the browser', () => {
  it.each(shellFiles)('%s: its client components find their messages in the shell set', (file) => {
    const used = clientNamespacesOf(path.join(root, file));
    expect(missing(used, shellNamespaces), 'add these to lib/i18n/shell-namespaces.ts').toEqual([]);
  });

  it.each(pages)('%s: hands its client components every namespace they use', (file) => {
    const used = clientNamespacesOf(path.join(root, file));
    const declared = declaredNamespaces(path.join(root, file));
    if (used.length === 0) {
      // Nothing to hand over: a provider here would only add bytes.
      expect(declared, 'no client component reads messages; drop ClientMessages').toBeNull();
      return;
    }
    expect(declared, `wrap the page in <ClientMessages namespaces={[...]}>`).not.toBeNull();
    expect(missing(used, declared!), 'add these to its ClientMessages').toEqual([]);
    // And nothing more: every namespace listed is read by a client component below.
    const unused = declared!.filter((namespace) =>
      used.every((u) => u !== namespace && !u.startsWith(`${namespace}.`)),
    );
    expect(unused, 'no client component of this page reads these').toEqual([]);
  });

  it('sends the shell set only what it names: a few percent of the catalog', () => {
    const shell = JSON.stringify(pickMessages(en, shellNamespaces)).length;
    expect(shell).toBeLessThan(JSON.stringify(en).length / 20);
  });
});

// The walk above passes on good pages; these show it sees what it must.
describe('the namespace walk', () => {
  it('finds client components through server components and aliases', () => {
    // Dashboard → SmtpCard (server) → SmtpSwitch (client) reading 'smtpSwitch'.
    expect(clientNamespacesOf(path.join(root, 'app/(console)/dashboard/page.tsx'))).toContain(
      'smtpSwitch',
    );
    // The console layout → Header → UserMenu, LanguageSwitch, AccountPicker.
    expect(clientNamespacesOf(path.join(root, 'app/(console)/layout.tsx'))).toEqual(
      expect.arrayContaining(['userMenu', 'languageSwitch', 'shell.accountPicker', 'users.roles']),
    );
  });

  it("reads a catalog-wide translator's namespaces from its keys", () => {
    const file = path.join(root, 'app/(console)/settings/delivery/held-link.tsx');
    expect(namespacesUsedBy(file)).toEqual(expect.arrayContaining(['delivery.held', 'users.link']));
  });

  it('counts a namespace as handed over by itself or by a parent', () => {
    expect(isCovered('users.edit.link', ['users'])).toBe(true);
    expect(isCovered('users.edit', ['users.edit'])).toBe(true);
    expect(isCovered('users', ['users.edit'])).toBe(false);
    expect(isCovered('usersX', ['users'])).toBe(false);
  });
});

describe('pickMessages', () => {
  const catalog = { a: { b: { c: 'x', d: 'y' }, e: 'z' }, f: 'w' };

  it('keeps the picked namespaces, nested as in the catalog', () => {
    expect(pickMessages(catalog, ['a.b', 'f'])).toEqual({ a: { b: { c: 'x', d: 'y' } }, f: 'w' });
    expect(pickMessages(catalog, ['a.b.c', 'a.e'])).toEqual({ a: { b: { c: 'x' }, e: 'z' } });
  });

  it('refuses a namespace the catalog does not have', () => {
    expect(() => pickMessages(catalog, ['a.x'])).toThrow('No messages under "a.x"');
    expect(() => pickMessages(catalog, ['f.x'])).toThrow('No messages under "f.x"');
  });
});
