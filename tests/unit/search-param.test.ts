import { describe, expect, it } from 'vitest';
import { searchParam } from '@/lib/http/search-param';

describe('searchParam', () => {
  it('drops control characters, which PostgreSQL would refuse (NUL) or no search holds', () => {
    expect(searchParam('\u0000')).toBe('');
    expect(searchParam('ada\u0000@example.test')).toBe('ada@example.test');
    expect(searchParam(' tab\there\n')).toBe('tabhere');
  });

  it('takes the first of repeated values, trimmed and cut to the longest allowed', () => {
    expect(searchParam(['first', 'second'])).toBe('first');
    expect(searchParam(undefined)).toBe('');
    expect(searchParam(`  ${'x'.repeat(300)}`)).toHaveLength(254);
    expect(searchParam('abcdef', 3)).toBe('abc');
  });
});
