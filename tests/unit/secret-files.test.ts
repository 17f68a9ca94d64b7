import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appSecretSetting,
  cronSecretSetting,
  databaseUrl,
  metricsTokenSetting,
  SettingError,
} from '@/lib/env';
import { withEnvironment } from '../support/with-environment';

// Docker and Kubernetes hand secrets over as files: every secret variable also reads NAME_FILE.

const environment = withEnvironment([
  'APP_SECRET',
  'APP_SECRET_FILE',
  'DATABASE_URL',
  'DATABASE_URL_FILE',
  'CRON_SECRET',
  'CRON_SECRET_FILE',
  'METRICS_TOKEN',
  'METRICS_TOKEN_FILE',
]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-secret-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, contents: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, contents);
  return file;
}

describe('secret files', () => {
  it('reads each secret from the file NAME_FILE names, without its trailing line break', () => {
    environment({
      APP_SECRET_FILE: secretFile('app', 'a-secret-of-more-than-32-characters-0123\n'),
      DATABASE_URL_FILE: secretFile('db', 'postgres://gate:pa ss@db:5432/gatehouse\r\n'),
      CRON_SECRET_FILE: secretFile('cron', 'cron-secret-with-spaces  '),
      METRICS_TOKEN_FILE: secretFile('metrics', 'scrape-token\n'),
    });
    expect(appSecretSetting()).toBe('a-secret-of-more-than-32-characters-0123');
    expect(databaseUrl()).toBe('postgres://gate:pa ss@db:5432/gatehouse');
    // Only the line break goes: the rest of a secret is as written.
    expect(cronSecretSetting()).toBe('cron-secret-with-spaces  ');
    expect(metricsTokenSetting()).toBe('scrape-token');
  });

  it('reads the variable itself when no file is named', () => {
    environment({ CRON_SECRET: 'plain', DATABASE_URL: ' postgres://h/d ' });
    expect(cronSecretSetting()).toBe('plain');
    expect(databaseUrl()).toBe('postgres://h/d');
    expect(appSecretSetting()).toBeUndefined();
  });

  it('refuses both set, a file that cannot be read and an empty file, naming the variable', () => {
    environment({
      APP_SECRET: 'x'.repeat(40),
      APP_SECRET_FILE: secretFile('both', 'y'.repeat(40)),
    });
    expect(() => appSecretSetting()).toThrow(
      new SettingError('APP_SECRET and APP_SECRET_FILE are both set; keep one of them'),
    );
    const missing = path.join(dir, 'missing');
    environment({ DATABASE_URL_FILE: missing });
    expect(() => databaseUrl()).toThrow(
      new SettingError(`DATABASE_URL_FILE names ${missing}, which cannot be read (ENOENT)`),
    );
    const empty = secretFile('empty', '\n');
    environment({ CRON_SECRET_FILE: empty });
    expect(() => cronSecretSetting()).toThrow(
      new SettingError(`CRON_SECRET_FILE names ${empty}, which is empty`),
    );
  });
});
