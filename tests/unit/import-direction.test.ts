import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Dependencies run one way (lib/README.md): routes → lib/<domain> → db/. A lib folder imports
// only folders of a lower layer, so no two folders can import each other, directly or round a
// ring. db/ knows nothing of lib/; emails/ sits below lib/mail; nothing below app/ imports it.
// app/ and scripts/ are the top: they may import anything.

const root = path.resolve(import.meta.dirname, '../..');

/** lib/'s folders (and single files) from the bottom up; a folder may import lower ones only. */
const libLayers: string[][] = [
  ['env', 'errors', 'crypto', 'i18n', 'field-limits', 'metrics'],
  ['urls', 'secret', 'http', 'security', 'log'],
  ['database', 'throttle'],
  ['audit'],
  ['auth'],
  ['host', 'setup', 'health', 'mail', 'oauth'],
  ['smtp'],
  ['outbox'],
  ['invitations'],
  ['resets'],
  ['two-factor'],
  ['sign-in'],
  ['maintenance'],
  ['users'],
  ['accounts'],
  ['actions', 'startup'],
];
const layerOf = new Map(libLayers.flatMap((names, layer) => names.map((name) => [name, layer])));

/** Where an import lands: `lib/<folder>`, or the top-level folder (db, emails, app, …). */
function unitOf(file: string): string {
  const [top, second] = file.split('/');
  if (top === 'lib' && second) return `lib/${second.replace(/\.(m?ts|tsx|mjs)$/, '')}`;
  return top!;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every module a file imports, as a path from the project root; packages left out. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .flatMap((name) => {
      if (name.startsWith('@/')) return [name.slice(2)];
      if (name.startsWith('.')) return [path.normalize(path.join(path.dirname(file), name))];
      return [];
    });
}

/** Why `from` may not import `to`, or null when it may. */
function refusal(from: string, to: string): string | null {
  if (from === to) return null;
  if (from === 'db' && to !== 'db') return 'db/ takes its configuration as an argument';
  const lowestLib = to.startsWith('lib/') && layerOf.get(to.slice(4)) === 0;
  if (from === 'emails' && !(lowestLib || to === 'messages')) {
    return 'emails/ are templates: the catalogs and the lowest lib layer (i18n…) only';
  }
  if (from.startsWith('lib/')) {
    if (to === 'app' || to === 'components') return 'lib/ does not know the routes or the UI';
    if (!to.startsWith('lib/')) return null;
    const [fromLayer, toLayer] = [layerOf.get(from.slice(4)), layerOf.get(to.slice(4))];
    if (fromLayer === undefined) return `${from} has no layer in this test's libLayers`;
    if (toLayer === undefined) return `${to} has no layer in this test's libLayers`;
    return toLayer < fromLayer ? null : `${to} is not below ${from}`;
  }
  if (from === 'components' && to === 'app') return 'components/ do not import routes';
  return null;
}

describe('import direction', () => {
  const checked = ['lib', 'db', 'emails', 'components'].flatMap(sourceFiles);

  it('finds the files it checks', () => {
    expect(checked.length).toBeGreaterThan(150);
    expect(checked).toContain('lib/auth/permissions.ts');
  });

  it('gives every lib folder a layer', () => {
    const folders = readdirSync(path.join(root, 'lib'), { withFileTypes: true }).map((entry) =>
      entry.name.replace(/\.(m?ts|tsx|md)$/, ''),
    );
    expect(folders.filter((name) => name !== 'README' && !layerOf.has(name))).toEqual([]);
  });

  it('has every import run downward', () => {
    const wrong = checked.flatMap((file) =>
      importsOf(file).flatMap((target) => {
        const why = refusal(unitOf(file), unitOf(target));
        return why ? [`${file} → ${target}: ${why}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('refuses an import that runs upward or sideways', () => {
    expect(refusal('db', 'lib/env')).not.toBeNull();
    expect(refusal('lib/smtp', 'lib/outbox')).not.toBeNull();
    expect(refusal('lib/users', 'lib/users')).toBeNull();
    expect(refusal('lib/invitations', 'lib/accounts')).not.toBeNull();
    expect(refusal('lib/host', 'lib/setup')).not.toBeNull();
    expect(refusal('emails', 'lib/mail')).not.toBeNull();
    expect(refusal('lib/accounts', 'lib/invitations')).toBeNull();
  });
});
