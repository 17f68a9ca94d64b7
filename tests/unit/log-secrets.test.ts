import { describe, expect, it } from 'vitest';
import { findSecrets } from '../support/log-secrets';

// The check that runs over every app server's log after the browser tests: it must find each
// kind of secret, and pass a clean log (else it could never fail, or always would).

const line = (msg: string) =>
  JSON.stringify({ level: 'info', time: '2026-12-05T12:00:00.000Z', requestId: 'r1', msg });

describe('the log secret check', () => {
  it('passes a clean log, and the set-up link printed on purpose', () => {
    const log = [
      line('request'),
      line('Email 5f0c sent'),
      line(
        'No user exists yet. Create the host admin with this one-time link (a restart makes a new one):\n\n  http://localhost:3000/setup?token=AbCdEfGhIjKlMnOpQrStUvWxYz012345\n',
      ),
      // The pretty format prints the link on its own line.
      '[12:00:00.000] WARN: No user exists yet. Create the host admin with this one-time link:',
      '  http://localhost:3000/setup?token=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    ].join('\n');
    expect(findSecrets(log, 'server.log')).toEqual([]);
  });

  it('finds each kind of secret, by file and line, without quoting it', () => {
    const log = [
      line('request'),
      line('accepted https://gatehouse.test/invite/AbCdEfGhIjKlMnOpQrStUvWxYz012345'),
      line('callback /sign-in?token=AbCdEfGhIjKlMnOpQrStUvWx'),
      line('cookie gatehouse.session=abc'),
      line('Authorization: Bearer abcdefghijklmnop'),
      line('-----BEGIN PRIVATE KEY-----'),
      line('hash $argon2id$v=19$m=19456'),
      line('typed correct horse battery staple'),
      line('sealed v1:AbCdEfGhIjKlMnOpQrStUvWxYz'),
    ].join('\n');
    const found = findSecrets(log, 'server.log');
    expect(found.map((finding) => [finding.line, finding.what])).toEqual([
      [2, 'an invitation or reset link token'],
      [3, 'a token in a query string'],
      [4, 'a session cookie or JWT'],
      [5, 'a bearer token'],
      [6, 'a private key'],
      [7, 'a password hash'],
      [8, 'a secret of the tests'],
      [9, 'a sealed secret'],
    ]);
    expect(JSON.stringify(found)).not.toContain('AbCdEf');
  });
});
