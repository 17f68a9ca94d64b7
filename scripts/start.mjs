// npm start: builds the app when the sources changed since the last build, then serves it
// through scripts/serve.mjs (PORT, default 3000).
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

// The app and its data folder (.data by default) are this project's, wherever it is started.
process.chdir(path.resolve(import.meta.dirname, '..'));
buildIfNeeded();
// The app builds its own links from PORT when APP_URL is not set.
process.env.PORT ||= '3000';
await import('./serve.mjs');
