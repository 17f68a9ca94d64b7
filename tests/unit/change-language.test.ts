import { describe, expect, it } from 'vitest';
import { changeLanguageSchema } from '@/lib/i18n/change-language';

describe('changeLanguageSchema', () => {
  it('accepts the supported languages', () => {
    expect(changeLanguageSchema.parse({ locale: 'en' })).toEqual({ locale: 'en' });
    expect(changeLanguageSchema.parse({ locale: 'de' })).toEqual({ locale: 'de' });
  });

  it('refuses anything else, including a missing field', () => {
    for (const locale of ['fr', 'DE', 'de-DE', '', null, undefined]) {
      expect(changeLanguageSchema.safeParse({ locale }).success, String(locale)).toBe(false);
    }
  });
});
