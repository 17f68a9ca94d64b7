import { describe, expect, it } from 'vitest';
import { fromBase32, toBase32 } from '@/lib/two-factor/base32';
import { matchTotpStep, totpCode, totpStep, totpUri } from '@/lib/two-factor/totp';

// RFC 6238 appendix B, SHA-1 key; apps show the last 6 of its 8 digits.
const rfcSecret = Buffer.from('12345678901234567890', 'ascii');
const rfcVectors: [seconds: number, code: string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(rfcVectors)('gives the RFC code at %i seconds', (seconds, code) => {
    expect(totpCode(rfcSecret, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('accepts the code of one step before and after, not two', () => {
    const at = new Date(1_700_000_000_000);
    const now = totpStep(at);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(rfcSecret, now + offset);
      expect(matchTotpStep(rfcSecret, code, { at, lastUsedStep: null })).toBe(now + offset);
    }
    for (const offset of [-2, 2]) {
      const code = totpCode(rfcSecret, now + offset);
      expect(matchTotpStep(rfcSecret, code, { at, lastUsedStep: null })).toBeNull();
    }
  });

  it('accepts each code once: nothing at or before the last used step', () => {
    const at = new Date(1_700_000_000_000);
    const now = totpStep(at);
    const code = totpCode(rfcSecret, now);
    expect(matchTotpStep(rfcSecret, code, { at, lastUsedStep: now })).toBeNull();
    expect(matchTotpStep(rfcSecret, code, { at, lastUsedStep: now - 1 })).toBe(now);
    // A later step's code still works after an earlier one was used.
    const next = totpCode(rfcSecret, now + 1);
    expect(matchTotpStep(rfcSecret, next, { at, lastUsedStep: now })).toBe(now + 1);
  });

  it('refuses anything but six digits', () => {
    const at = new Date(59_000);
    for (const code of ['', '28708', '2870822', '28708a', ' 287082', '287 082']) {
      expect(matchTotpStep(rfcSecret, code, { at, lastUsedStep: null })).toBeNull();
    }
  });

  it('writes an otpauth URI with the issuer and the email', () => {
    const uri = new URL(totpUri(rfcSecret, { issuer: 'Acme Host', email: 'ann@example.com' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Acme Host:ann@example.com');
    expect(uri.searchParams.get('secret')).toBe(toBase32(rfcSecret));
    expect(uri.searchParams.get('issuer')).toBe('Acme Host');
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s and back', (text, encoded) => {
    expect(toBase32(Buffer.from(text))).toBe(encoded);
    expect(fromBase32(encoded)?.toString()).toBe(text);
  });

  it('reads what people type, and refuses other letters', () => {
    expect(fromBase32('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(fromBase32('MZXW1')).toBeNull();
  });
});
