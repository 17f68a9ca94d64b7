import { loadAppSecret } from './app-secret';

const holder = globalThis as typeof globalThis & { gatehouseAppSecret?: string };

/** The app secret, read once per process (the server start made sure there is one). */
export function getAppSecret(): string {
  holder.gatehouseAppSecret ??= loadAppSecret().secret;
  return holder.gatehouseAppSecret;
}
