// The baseline of the page benchmarks: a blank Next.js app built with this project's own Next
// and React (its node_modules is a link to ours), so a figure shows what Gatehouse adds on top
// of Next itself. Built once into the temp folder and reused by every later benchmark; the
// folder's name changes with the Next and React versions and with the files below.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { launchAppServer, waitForResponse, type AppServer } from '../../tests/support/app-server';

const root = process.cwd();
const nodeModules = realpathSync(path.join(root, 'node_modules'));
const require = createRequire(path.join(root, 'package.json'));
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/** The shortest folder holding both paths: Turbopack compiles nothing outside its root. */
function commonAncestor(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let n = 0;
  while (n < left.length && left[n] === right[n]) n++;
  return left.slice(0, n).join(path.sep) || path.sep;
}

const tmp = realpathSync(os.tmpdir());
const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'gatehouse-bench-blank', private: true }),
  // No type check: two tiny files, and it would add half a minute without changing the output.
  'next.config.js': `module.exports = ${JSON.stringify({
    turbopack: { root: commonAncestor(tmp, nodeModules) },
    outputFileTracingRoot: commonAncestor(tmp, nodeModules),
    typescript: { ignoreBuildErrors: true },
  })};\n`,
  'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  // Rendered per request, as every page of ours is (they all read the session or the database);
  // a prerendered page would measure file serving, not Next.
  'app/page.tsx': `export const dynamic = 'force-dynamic';

export default function Page() {
  return <p>Blank</p>;
}
`,
};

/** Builds the blank app unless an identical build is already in the temp folder; returns its folder. */
function buildBlankApp(): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([version('react'), version('react-dom'), files]))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(tmp, `gatehouse-bench-blank-${version('next')}-${hash}`);
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;

  // Built beside its final name and renamed, so a bench started alongside never sees half a build.
  const building = mkdtempSync(`${dir}.building-`);
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(building, file)), { recursive: true });
      writeFileSync(path.join(building, file), text);
    }
    symlinkSync(nodeModules, path.join(building, 'node_modules'), 'dir');
    console.log('Building the blank Next.js app (baseline)…');
    const result = spawnSync(
      process.execPath,
      [path.join(nodeModules, 'next', 'dist', 'bin', 'next'), 'build'],
      { cwd: building, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
    );
    if (result.status !== 0) throw new Error(`The blank app's build failed (${result.status})`);
    try {
      renameSync(building, dir);
    } catch (error) {
      // Another bench finished the same build first: use that one.
      if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** `next start` of the blank app (built first if needed) on a free port, ready to answer. */
export async function startBlankApp(): Promise<AppServer> {
  const server = await launchAppServer({}, { cwd: buildBlankApp() });
  await waitForResponse(server, { path: '/' });
  return server;
}
