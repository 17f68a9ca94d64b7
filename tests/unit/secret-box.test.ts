import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';

const options = {
  secret: 'a secret that is long enough to be an app secret',
  purpose: 'smtp-password',
};

describe('secret box', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptSecret('app password', options);
    const b = encryptSecret('app password', options);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, options)).toBe('app password');
  });

  it('refuses another secret, another purpose, and any tampering', () => {
    const sealed = encryptSecret('app password', options);
    expect(() =>
      decryptSecret(sealed, { ...options, secret: 'another secret of enough length!!' }),
    ).toThrow();
    expect(() => decryptSecret(sealed, { ...options, purpose: 'other' })).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(`v1:${raw.toString('base64')}`, options)).toThrow();
  });
});
