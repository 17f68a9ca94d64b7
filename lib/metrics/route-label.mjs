// The route a request went to, as a metrics label: the app's route pattern (/invite/[token]),
// never the path itself — a path holds tokens and ids, and any client can make up new ones, so
// each would be a new series. Plain JavaScript: scripts/serve.mjs reads it before any
// TypeScript loads.

/** A matcher from the app's route patterns (Next's app-path-routes-manifest.json values). */
export function routeMatcher(patterns) {
  const compiled = patterns
    .filter((pattern) => !pattern.startsWith('/_'))
    .map((pattern) => {
      const segments = pattern.split('/').filter(Boolean);
      const source = segments
        .map((segment) =>
          segment.startsWith('[...')
            ? '(?:/[^/]+)+'
            : segment.startsWith('[')
              ? '/[^/]+'
              : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        )
        .join('');
      return { pattern, test: new RegExp(`^${source || '/'}/?$`) };
    });
  return (url) => {
    const path = (url ?? '/').split('?')[0];
    if (path.startsWith('/_next/')) return '/_next';
    const found = compiled.find((route) => route.test.test(path));
    return found ? found.pattern : 'other';
  };
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method as a label: one of the usual ones, or "other" (a client may send any word). */
export function methodLabel(method) {
  return knownMethods.has(method) ? method : 'other';
}
