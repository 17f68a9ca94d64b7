import { describe, expect, it } from 'vitest';
import { backupToken, isBackupToken } from '@/lib/security/backup-token';

// What lets `npm run gatehouse -- backup` ask the running server for a copy of the database.

const secret = 'an-app-secret-of-more-than-32-characters-0123';
const now = 1_780_000_000_000;

describe('backup tokens', () => {
  it('takes a token signed with the app secret within a minute', () => {
    const token = backupToken(secret, now);
    expect(isBackupToken(secret, token, now)).toBe(true);
    expect(isBackupToken(secret, token, now + 59_000)).toBe(true);
  });

  it('refuses another secret, an old or future token, and anything malformed', () => {
    expect(
      isBackupToken('another-secret-of-more-than-32-characters', backupToken(secret, now), now),
    ).toBe(false);
    expect(isBackupToken(secret, backupToken(secret, now), now + 61_000)).toBe(false);
    expect(isBackupToken(secret, backupToken(secret, now + 120_000), now)).toBe(false);
    const [at, signature] = backupToken(secret, now).split('.');
    expect(isBackupToken(secret, `${Number(at) + 1}.${signature}`, now)).toBe(false);
    for (const token of ['', 'x', `${at}.`, `${at}.${signature}x`, `${at}.${'é'.repeat(43)}`]) {
      expect(isBackupToken(secret, token, now), token).toBe(false);
    }
  });
});
