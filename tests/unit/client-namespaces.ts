// Reads the source to find which message namespaces each route's client components use: the
// walk behind client-messages.test.ts. Regular expressions over our own code are enough: its
// imports and translator calls follow one shape, and the test fails loudly when they don't.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = process.cwd();

const importPattern = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;
const dynamicImportPattern = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const namespacedTranslator = /useTranslations\(\s*'([^']+)'\s*\)/g;
const rootTranslator = /useTranslations\(\s*\)/g;
const rootTranslatorBinding = /const t = useTranslations\(\s*\)/g;
/** `t('users.link.copy')` or `` t(`users.roles.${role}`) ``: the key up to its first `${`. */
const rootKeyCall = /\bt\(\s*['`]([^'`$]+)/g;

/** The file an import names, or null for packages and files that are not source. */
function resolveImport(specifier: string, fromFile: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [
    base,
    `${base}.tsx`,
    `${base}.ts`,
    `${base}/index.tsx`,
    `${base}/index.ts`,
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return /\.tsx?$/.test(candidate) ? candidate : null;
    }
  }
  throw new Error(`${path.relative(root, fromFile)}: cannot resolve "${specifier}"`);
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(importPattern), ...source.matchAll(dynamicImportPattern)];
  return specifiers
    .map((match) => resolveImport(match[1]!, file))
    .filter((resolved): resolved is string => resolved !== null);
}

/** Every source file `entry` reaches through its imports, itself included. */
function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...importsOf(file));
  }
  return seen;
}

function isClientFile(file: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(
    readFileSync(file, 'utf8'),
  );
}

/**
 * The namespaces a client file's translators read. A translator over the whole catalog must
 * be called `t` and given literal keys, so each key's namespace can be read here.
 */
export function namespacesUsedBy(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const used = [...source.matchAll(namespacedTranslator)].map((match) => match[1]!);
  const rootTranslators = [...source.matchAll(rootTranslator)].length;
  if (rootTranslators > 0) {
    if ([...source.matchAll(rootTranslatorBinding)].length !== rootTranslators) {
      throw new Error(`${path.relative(root, file)}: name the catalog-wide translator \`t\``);
    }
    for (const [, key] of source.matchAll(rootKeyCall)) {
      const namespace = key!.slice(0, key!.lastIndexOf('.'));
      if (!namespace) throw new Error(`${path.relative(root, file)}: t('${key}') has no namespace`);
      used.push(namespace);
    }
  }
  if (/useMessages\(/.test(source)) {
    throw new Error(`${path.relative(root, file)}: useMessages() reads namespaces no test can see`);
  }
  return used;
}

/** The namespaces the client components reachable from `entry` use, sorted, each once. */
export function clientNamespacesOf(entry: string): string[] {
  const used = new Set<string>();
  for (const file of reachableFiles(entry)) {
    if (isClientFile(file)) for (const namespace of namespacesUsedBy(file)) used.add(namespace);
  }
  return [...used].sort();
}

/** The namespaces a page hands its client components: `<ClientMessages namespaces={[...]}>`. */
export function declaredNamespaces(page: string): string[] | null {
  const source = readFileSync(page, 'utf8');
  const declarations = [...source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)];
  if (declarations.length === 0) return null;
  return declarations.flatMap(([, list]) => [...list!.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
}

export function isCovered(used: string, declared: readonly string[]): boolean {
  return declared.some((namespace) => used === namespace || used.startsWith(`${namespace}.`));
}
