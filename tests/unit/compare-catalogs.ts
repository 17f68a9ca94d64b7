// Helpers for tests/unit/message-catalogs.test.ts: flattening catalogs and reading the
// arguments an ICU message uses, without depending on a parser package.

export type Catalog = { [key: string]: string | Catalog };

/** `{ a: { b: 'x' } }` → `Map { 'a.b' => 'x' }`. A value that is neither text nor object is kept as-is, for the checks to report. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, text] of flattenCatalog(value, path)) flat.set(inner, text);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

/**
 * The argument names (`{name}`, `{count, plural, …}`) and rich-text tags (`<b>…</b>`, listed
 * as `<b>`) that an ICU message uses, sorted. Throws on unbalanced braces.
 */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const end = readMessage(message, 0, found, false);
  if (end !== message.length) throw new Error(`unexpected "}" at ${end}`);
  return [...found].sort();
}

// Reads message text up to an unmatched "}" (returned) or the end.
function readMessage(src: string, start: number, found: Set<string>, inPlural: boolean): number {
  let i = start;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "'") {
      // ICU quoting: '' is one apostrophe; an apostrophe before syntax quotes up to the next one.
      const next = src[i + 1];
      if (next === "'") i += 2;
      else if (next === '{' || next === '}' || next === '<' || (inPlural && next === '#')) {
        const close = src.indexOf("'", i + 1);
        i = close === -1 ? src.length : close + 1;
      } else i += 1;
    } else if (ch === '}') {
      return i;
    } else if (ch === '{') {
      i = readArgument(src, i + 1, found);
    } else if (ch === '<') {
      const tag = /^<\/?([A-Za-z][\w-]*)\s*\/?>/.exec(src.slice(i));
      if (tag) found.add(`<${tag[1]}>`);
      i += tag ? tag[0].length : 1;
    } else {
      i += 1;
    }
  }
  return i;
}

// Reads `name}` or `name, type…}` after an opening brace; returns the index after its "}".
function readArgument(src: string, start: number, found: Set<string>): number {
  const head = /^\s*([^\s,{}]+)\s*(?:,\s*(\w+)\s*)?/.exec(src.slice(start));
  if (!head?.[1]) throw new Error(`argument without a name at ${start}`);
  found.add(head[1]);
  let i = start + head[0].length;
  if (src[i] === '}') return i + 1;
  if (src[i] !== ',') throw new Error(`unterminated argument "${head[1]}"`);
  i += 1;
  const type = head[2];
  if (type === 'plural' || type === 'selectordinal' || type === 'select') {
    // Options: `key {message}` pairs, optionally preceded by `offset:n`.
    for (;;) {
      const option = /^\s*([^\s{}]*)\s*/.exec(src.slice(i));
      i += option?.[0].length ?? 0;
      if (src[i] === '}') return i + 1;
      if (option?.[1]?.startsWith('offset:')) continue;
      if (!option?.[1] || src[i] !== '{') throw new Error(`malformed option in "${head[1]}"`);
      i = readMessage(src, i + 1, found, type !== 'select');
      if (src[i] !== '}') throw new Error(`unterminated option in "${head[1]}"`);
      i += 1;
    }
  }
  // number, date and time styles hold no arguments: skip to the matching brace.
  for (let depth = 1; i < src.length; i += 1) {
    if (src[i] === '{') depth += 1;
    if (src[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`unterminated argument "${head[1]}"`);
}

/** Keys in `from` that `to` lacks. */
export function missingKeys(from: Map<string, unknown>, to: Map<string, unknown>): string[] {
  return [...from.keys()].filter((key) => !to.has(key)).sort();
}

/** Keys whose value is not a non-blank string, as `locale: key`. */
export function emptyValues(catalogs: Record<string, Map<string, unknown>>): string[] {
  return Object.entries(catalogs).flatMap(([locale, flat]) =>
    [...flat]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => `${locale}: ${key}`),
  );
}

/** Keys present in both catalogs whose messages use different arguments or tags (or don't parse). */
export function argumentMismatches(
  reference: Map<string, unknown>,
  other: Map<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const [key, refValue] of reference) {
    const otherValue = other.get(key);
    if (typeof refValue !== 'string' || typeof otherValue !== 'string') continue;
    let refArgs: string[];
    let otherArgs: string[];
    try {
      refArgs = icuArguments(refValue);
      otherArgs = icuArguments(otherValue);
    } catch (error) {
      problems.push(`${key}: cannot be parsed (${(error as Error).message})`);
      continue;
    }
    if (refArgs.join('|') !== otherArgs.join('|')) {
      problems.push(`${key}: [${refArgs.join(', ')}] vs [${otherArgs.join(', ')}]`);
    }
  }
  return problems;
}
