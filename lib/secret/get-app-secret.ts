import { loadAppSecret } from './app-secret';

const processWide = globalThis as typeof globalThis & { gatehouseAppSecret?: string };

/** The app secret, read once per process (the server start made sure there is one). */
export function getAppSecret(): string {
  processWide.gatehouseAppSecret ??= loadAppSecret().secret;
  return processWide.gatehouseAppSecret;
}
