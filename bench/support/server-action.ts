import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// React's own encoder for server-action arguments, as the browser uses it.
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The id the production build gave a server action (from its server-reference manifest). */
export function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === name,
  );
  if (!found) throw new Error(`${name} of ${file} is not in the build`);
  return found[0];
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
}): Promise<{ status: number; text: string; ms: number }> {
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
  return { status: response.status, text, ms: performance.now() - started };
}

/** The value below which `p` percent of `values` fall. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
