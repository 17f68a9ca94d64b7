// npm start: builds the app when the sources changed since the last build, then serves it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

buildIfNeeded();
const port = process.env.PORT || '3000';
const server = spawn(process.execPath, [nextBin, 'start', '--port', port], {
  cwd: root,
  // The app builds its own links from PORT when APP_URL is not set.
  env: { ...process.env, PORT: port },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
