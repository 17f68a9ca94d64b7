// Checks a server-action request before Next's action handler reads it. That handler answers
// 500 to every body it cannot read (next/dist/server/app-render/action-handler.js: a body over
// `serverActions.bodySizeLimit` throws an ApiError(413) that it turns into a 500, busboy's
// "Unexpected end of form" and React's decodeReply errors — JSON, stack overflow on deep
// nesting — the same). The proxy runs first: it refuses such bodies with 413 or 400 itself.
//
// Reading the body here does not take it from the action: for any request with a body Next
// hands the proxy a copy and buffers the original for the route (getCloneableBody in
// next/dist/server/body-streams.js), so this reads the copy, once, up to the limit.

import { readUpTo } from './read-up-to';

/** Next's default `serverActions.bodySizeLimit` (1 MB), which next.config.js leaves as is. */
export const actionBodyLimitBytes = 1024 * 1024;
/** Deeper JSON than any form sends; React's decoder recurses, and overflows near 10,000. */
const maxJsonDepth = 64;

export type ActionBodyVerdict = 'ok' | 'tooLarge' | 'malformed';

/** Whether `request` can be a server action: a fetch call (Next-Action) or a form post. */
export function isActionRequest(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (new URL(request.url).pathname.startsWith('/api/')) return false;
  const contentType = request.headers.get('content-type') ?? '';
  return request.headers.has('next-action') || contentType.startsWith('multipart/form-data');
}

/** How deep `text`'s brackets nest, counted without recursion (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

/** A row of React's reply encoding as JSON, or undefined when it is not JSON of a sane depth. */
function parseRow(text: string): { value: unknown } | undefined {
  if (jsonDepth(text) > maxJsonDepth) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Every action of this app is a form's: the browser calls it with the form data last
 * (`useActionState` sends [previous state, FormData], `<form action>` sends [FormData]),
 * which React's reply encoding writes as a multipart body whose root row "0" is an array
 * ending in a "$K<id>" reference. Anything else cannot come from the app's own pages.
 */
function isFormCall(root: unknown): boolean {
  return (
    Array.isArray(root) &&
    typeof root.at(-1) === 'string' &&
    /^\$K[0-9a-f]+$/.test(root.at(-1) as string)
  );
}

/** Whether Next's action handler can read this request's body, checked on a copy of it. */
export async function checkActionBody(request: Request): Promise<ActionBodyVerdict> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > actionBodyLimitBytes) return 'tooLarge';
  const body = await readUpTo(request, actionBodyLimitBytes);
  if (!body) return 'tooLarge';

  const contentType = request.headers.get('content-type') ?? '';
  const fetchCall = request.headers.has('next-action');
  if (!contentType.startsWith('multipart/form-data')) {
    if (!fetchCall) return 'ok';
    // Arguments without any form data come from no form of this app, except none at all: a
    // form action that takes no arguments (Sign out everywhere), whose form data Next leaves
    // out because the action would not read it, so React sends `[]` as text.
    return new TextDecoder().decode(body).trim() === '[]' ? 'ok' : 'malformed';
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return 'malformed';
  }
  // Fields named by a bare number are rows React parses as JSON; the others are form values.
  const rows = new Map<string, unknown>();
  for (const [name, value] of form.entries()) {
    if (!/^\d+$/.test(name)) continue;
    const row = typeof value === 'string' ? parseRow(value) : undefined;
    if (!row) return 'malformed';
    rows.set(name, row.value);
  }
  if (fetchCall && !isFormCall(rows.get('0'))) return 'malformed';
  return 'ok';
}
