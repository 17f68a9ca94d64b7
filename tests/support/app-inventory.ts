import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltAction } from './server-action';

// What the app offers, read from its sources: every page route and every server action a
// `'use server'` file exports. Tests that must cover them all compare their lists with these.

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full.split(path.sep).join('/')];
  });
}

/** `app/(console)/accounts/[accountId]/page.tsx` → `/accounts/[accountId]` (groups dropped). */
function routeOf(pageFile: string): string {
  const segments = pageFile
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/** Every page under app/, sorted by route, with whether it is a console page (signed in). */
export function pages(): { route: string; signedIn: boolean }[] {
  return filesUnder('app')
    .filter((file) => /\/page\.(tsx|ts|jsx|js)$/.test(file))
    .map((file) => ({ route: routeOf(file), signedIn: file.startsWith('app/(console)/') }))
    .sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** Every page route under app/, sorted. */
export function pageRoutes(): string[] {
  return pages().map((page) => page.route);
}

const useServer = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*['"]use server['"]/;

/** Every export of every `'use server'` file under app/: what a browser may call. */
export function declaredActions(): { file: string; name: string }[] {
  return filesUnder('app')
    .filter((file) => /\.(ts|tsx|js|jsx)$/.test(file))
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      if (!useServer.test(source)) return [];
      return [...source.matchAll(/^export\s+(?:async\s+)?(?:const|let|function)\s+(\w+)/gm)].map(
        (match) => ({ file, name: match[1]! }),
      );
    });
}

/**
 * A page the browser calls `action` from (one whose bundle holds it), static routes first, with
 * `[accountId]` filled in and any other parameter given a placeholder.
 */
export function pageCalling(action: BuiltAction, accountId: string): string {
  const routes = action.pages
    .map((page) => routeOf(`${page}.tsx`))
    .sort((a, b) => a.split('[').length - b.split('[').length);
  if (routes.length === 0) throw new Error(`No page of the build holds ${action.exportedName}`);
  return routes[0]!.replace('[accountId]', accountId).replace(/\[\w+\]/g, 'placeholder');
}
