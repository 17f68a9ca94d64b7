import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// React's own encoder for server-action arguments, as the browser uses it. Resolved from the
// project folder (tests and benchmarks run there), so this loads under Playwright and tsx alike.
const requireFromProject = createRequire(path.resolve('package.json'));
export const { encodeReply } = requireFromProject(
  'next/dist/compiled/react-server-dom-webpack/client.edge.js',
) as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** One server action of the production build, as its server-reference manifest lists it. */
export interface BuiltAction {
  id: string;
  /** The source file, e.g. `app/(console)/users/actions.ts`. */
  filename: string;
  exportedName: string;
  /** The page bundles that hold it, e.g. `app/(console)/users/page`: where the browser calls it. */
  pages: string[];
}

/** Every server action of the last production build (`.next/server/server-reference-manifest.json`). */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as {
    node: Record<
      string,
      { filename: string; exportedName: string; workers: Record<string, unknown> }
    >;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pages: Object.keys(entry.workers),
  }));
}

/** The id the production build gave a server action (from its server-reference manifest). */
export function actionId(file: string, name: string): string {
  const found = builtActions().find(
    (entry) => entry.filename === file && entry.exportedName === name,
  );
  if (!found) throw new Error(`${name} of ${file} is not in the build`);
  return found.id;
}

/**
 * Calls a form's server action over HTTP the way the browser does (`useActionState`: the
 * previous state, then the form data), reads the whole answer, and returns it with the time
 * from sending to the last byte.
 */
export async function callFormAction(options: {
  url: string;
  id: string;
  fields: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
}): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields)) form.set(name, value);
  const body = await encodeReply([null, form]);
  const headers: Record<string, string> = {
    'next-action': options.id,
    accept: 'text/x-component',
    origin: new URL(options.url).origin,
  };
  if (options.cookie) headers.cookie = options.cookie;
  Object.assign(headers, options.headers);
  const started = performance.now();
  const response = await fetch(options.url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    ms: performance.now() - started,
    headers: response.headers,
  };
}

/**
 * The value an action returned, read from the RSC payload of its answer: row 0 names the row
 * that holds it (`{"a":"$@1",…}`), which is plain JSON. Undefined when the answer holds none.
 */
export function returnedValue(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const head = rows.get('0');
  if (!head?.startsWith('{')) return undefined;
  const { a: value } = JSON.parse(head) as { a?: unknown };
  if (typeof value !== 'string') return value;
  const reference = /^\$@([0-9a-f]+)$/.exec(value);
  if (!reference) return value;
  const row = rows.get(reference[1]!);
  if (row === undefined || !/^[[{"]/.test(row)) return undefined;
  return JSON.parse(row) as unknown;
}
