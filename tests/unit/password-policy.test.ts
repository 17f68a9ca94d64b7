import { describe, expect, it } from 'vitest';
import { checkPassword } from '@/lib/auth/password-policy';

describe('checkPassword', () => {
  it.each([
    ['eleven char', 'tooShort'],
    ['x'.repeat(257), 'tooLong'],
    ['my name is jane.doe, ok?', 'containsEmail'],
    ['My Name Is JANE.DOE ok?', 'containsEmail'],
    ['password1234', 'common'],
    ['Qwerty123456', 'common'],
    ['iloveyou2024!!', 'common'],
    ['aaaaaaaaaaaaaa', 'common'],
  ])('refuses %j as %s', (password, problem) => {
    expect(checkPassword(password, 'jane.doe@example.com')).toBe(problem);
  });

  it.each(['lantern orbit meadow 42', 'Tr0ub4dor&3-horse', 'correct horse battery staple'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password, 'jane.doe@example.com')).toBeNull();
    },
  );

  it('does not count a very short local part as the email', () => {
    expect(checkPassword('go west young man', 'go@example.com')).toBeNull();
  });
});
