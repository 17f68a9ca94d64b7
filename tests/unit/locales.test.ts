import { describe, expect, it } from 'vitest';
import { isLocale, localeFromAcceptLanguage } from '@/lib/i18n/locales';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4', 'de'],
    ['en;q=0.2, de;q=0.8', 'de'],
    ['de;q=0, en', 'en'],
  ])('picks the best supported language from %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('finds nothing in an unsupported or missing header', () => {
    expect(localeFromAcceptLanguage('fr,es;q=0.5')).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });

  it('accepts only supported locales', () => {
    expect(isLocale('de')).toBe(true);
    expect(isLocale('DE')).toBe(false);
    expect(isLocale('../secret')).toBe(false);
  });
});
