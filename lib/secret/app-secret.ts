import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appSecretSetting, dataDir } from '@/lib/env';

export type AppSecretSource = 'environment' | 'file' | 'generated';

const minimumLength = 32;

/**
 * The secret that signs sessions and encrypts stored credentials: APP_SECRET when set,
 * else the one kept in `<dataDir>/app-secret`, else a new random one written there.
 */
export function loadAppSecret(): { secret: string; source: AppSecretSource; file?: string } {
  const fromEnvironment = appSecretSetting();
  if (fromEnvironment) {
    if (fromEnvironment.length < minimumLength) {
      throw new Error(
        `APP_SECRET is too short (${fromEnvironment.length} characters); use at least ${minimumLength}, for example: openssl rand -base64 32`,
      );
    }
    return { secret: fromEnvironment, source: 'environment' };
  }
  const file = path.join(dataDir(), 'app-secret');
  let fromFile: string | undefined;
  try {
    fromFile = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (fromFile !== undefined) {
    // An emptied file must not sign sessions with an empty (or guessable) secret.
    if (fromFile.length < minimumLength) {
      throw new Error(
        `APP_SECRET is not set and the app secret in ${file} is ${fromFile ? 'too short' : 'empty'}: delete the file to have a new one generated (everyone is signed out), or set APP_SECRET`,
      );
    }
    return { secret: fromFile, source: 'file', file };
  }
  // The data folder may be new: private from the start, like the embedded database in it.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return { secret, source: 'generated', file };
}
