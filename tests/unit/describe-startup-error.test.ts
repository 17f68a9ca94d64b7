import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { describeStartupError } from '@/lib/startup/describe-startup-error';

const postgresAt = { driver: 'postgres' as const, location: 'db.internal:5432/gatehouse' };

function errorWith(code: string, message: string, wrapped = false): Error {
  const inner = Object.assign(new Error(message), { code });
  return wrapped ? new Error('Failed query: select 1', { cause: inner }) : inner;
}

describe('describeStartupError', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432', 'connection refused'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal', 'host name cannot be found'],
    ['CONNECT_TIMEOUT', 'write CONNECT_TIMEOUT db.internal:5432', 'no answer within 10 s'],
    ['28P01', 'password authentication failed for user "gatehouse"', 'Check the user and password'],
    ['3D000', 'database "gatehouse" does not exist', 'createdb'],
    ['42501', 'permission denied for schema public', 'right to create tables'],
    [
      'CONNECTION_CLOSED',
      'write CONNECTION_CLOSED db.internal:5432',
      'server closed the connection',
    ],
    ['57P01', 'terminating connection due to administrator command', 'stopped or restarted'],
  ])('explains %s in one line that names the server', (code, message, advice) => {
    for (const wrapped of [false, true]) {
      const line = describeStartupError(errorWith(code, message, wrapped), postgresAt);
      expect(line).toMatch(/^Gatehouse cannot start: PostgreSQL at db\.internal:5432\/gatehouse: /);
      expect(line).toContain(advice);
      expect(line).not.toContain('\n');
    }
  });

  it('explains a folder the embedded database cannot write to', () => {
    const line = describeStartupError(
      errorWith('EACCES', "EACCES: permission denied, mkdir '/srv/x'"),
      {
        driver: 'pglite',
        location: '/srv/x/pglite',
      },
    );
    expect(line).toBe(
      "Gatehouse cannot start: the embedded database in /srv/x/pglite: the folder is not writable (EACCES: permission denied, mkdir '/srv/x'). Check its permissions, or set DATA_DIR to a writable folder.",
    );
  });

  it('passes the lock holder through', () => {
    const line = describeStartupError(new DataDirLockedError('/srv/data', 4242), {
      driver: 'pglite',
      location: '/srv/data/pglite',
    });
    expect(line).toContain('in use by another Gatehouse process (pid 4242)');
  });

  it('calls a failed migration a migration failure', () => {
    const line = describeStartupError(
      errorWith('42P07', 'relation "host_settings" already exists', true),
      postgresAt,
    );
    expect(line).toContain('applying the database migrations to PostgreSQL at');
    expect(line).toContain('relation "host_settings" already exists (code 42P07)');
  });

  it('keeps only the first line of an unknown error', () => {
    const line = describeStartupError(
      new Error('something odd\n    at frame (x.js:1:1)'),
      postgresAt,
    );
    expect(line).toBe(
      'Gatehouse cannot start: PostgreSQL at db.internal:5432/gatehouse: something odd. Check DATABASE_URL (or DATA_DIR for the embedded database).',
    );
  });
});
