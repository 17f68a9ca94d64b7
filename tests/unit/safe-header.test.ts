import { describe, expect, it } from 'vitest';
import { safeHeaderText, safeMailbox, UnsafeHeaderError } from '@/lib/mail/safe-header';

describe('safeHeaderText', () => {
  it.each([
    ['Hi\r\nBcc: victim@example.test', 'Hi Bcc: victim@example.test'],
    ['a\nb\rc\td\u0000e\u2028f', 'a b c d e f'],
    ['  spaced \r\n\r\n  out  ', 'spaced out'],
    ['Jürgen Müller · 王小明', 'Jürgen Müller · 王小明'],
  ])('folds %j onto one line', (value, expected) => {
    expect(safeHeaderText(value)).toBe(expected);
  });

  it('keeps text that fits as it is', () => {
    const exact = 'x'.repeat(200);
    expect(safeHeaderText(exact)).toBe(exact);
  });

  it('cuts long text with an ellipsis, within the limit', () => {
    const cut = safeHeaderText('word '.repeat(100));
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/word…$/);
  });

  it('never cuts inside a character', () => {
    // Each flag is four UTF-16 units; each 王 one; a cut must fall between whole characters.
    const cut = safeHeaderText('🇩🇪'.repeat(60), 10);
    expect(cut).toBe('🇩🇪🇩🇪…');
    expect(safeHeaderText('王'.repeat(300), 5)).toBe('王王王王…');
  });
});

describe('safeMailbox', () => {
  it('keeps a plain address and folds the name', () => {
    expect(safeMailbox('Nordlicht\r\nBcc: x@evil.test', 'noreply@nordlicht.test')).toEqual({
      name: 'Nordlicht Bcc: x@evil.test',
      address: 'noreply@nordlicht.test',
    });
    expect(safeMailbox('王小明', 'wang@example.test').name).toBe('王小明');
  });

  it.each([
    'noreply@nordlicht.test\r\nBcc: victim@example.test',
    'noreply@nordlicht.test\n',
    'Name <noreply@nordlicht.test>',
    'a@b.test, c@d.test',
    '"quoted"@nordlicht.test',
    'no at sign',
    'two@at@signs.test',
    '',
    `${'a'.repeat(250)}@b.test`,
  ])('refuses %j as an address', (address) => {
    expect(() => safeMailbox('Nordlicht', address)).toThrow(UnsafeHeaderError);
  });
});
