// Builds the app (`next build`) unless the last build was made from exactly these sources.
// Used by npm start and by the browser tests' set-up: `node scripts/build-if-needed.mjs`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const stampFile = path.join(root, '.next', 'gatehouse-source-hash');

// Everything that goes into a build; the data folder, tests and docs do not.
const sources = [
  'app',
  'components',
  'db',
  'emails',
  'lib',
  'messages',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];

function* files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) yield* files(path.join(entry, child));
  } else {
    yield entry;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const entry of sources) {
    for (const file of files(entry)) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfNeeded() {
  const current = sourceHash();
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (built === current && existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  console.log(
    built ? 'Sources changed since the last build: building…' : 'No build yet: building…',
  );
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Gatehouse cannot start: the build failed (see above).');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, current);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
