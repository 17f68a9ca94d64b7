import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import {
  argumentMismatches,
  emptyValues,
  flattenCatalog,
  icuArguments,
  missingKeys,
  type Catalog,
} from './compare-catalogs';

const catalogs = { en: flattenCatalog(en), de: flattenCatalog(de) };

function report(title: string, problems: string[]): string {
  return `${title}:\n  ${problems.join('\n  ')}`;
}

describe('message catalogs', () => {
  it('have the same keys in English and German', () => {
    const missingInDe = missingKeys(catalogs.en, catalogs.de);
    const missingInEn = missingKeys(catalogs.de, catalogs.en);
    expect(missingInDe, report('keys in en.json missing from de.json', missingInDe)).toEqual([]);
    expect(missingInEn, report('keys in de.json missing from en.json', missingInEn)).toEqual([]);
  });

  it('have no empty messages', () => {
    const empty = emptyValues(catalogs);
    expect(empty, report('empty or non-text messages', empty)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatches = argumentMismatches(catalogs.en, catalogs.de);
    expect(mismatches, report('placeholders differ (en vs de)', mismatches)).toEqual([]);
  });
});

// The checks above pass on good catalogs; these show they fail on bad ones.
describe('catalog checks', () => {
  const reference = flattenCatalog({ a: { title: 'Hi {name}', body: 'Text' }, b: 'x' });

  it('find keys missing on either side', () => {
    const other = flattenCatalog({ a: { title: 'Hallo {name}' }, c: 'y' });
    expect(missingKeys(reference, other)).toEqual(['a.body', 'b']);
    expect(missingKeys(other, reference)).toEqual(['c']);
  });

  it('find empty and non-text values', () => {
    const bad = flattenCatalog({ a: '', b: '  ', c: 'ok', d: 3 } as unknown as Catalog);
    expect(emptyValues({ de: bad })).toEqual(['de: a', 'de: b', 'de: d']);
  });

  it('find differing placeholders', () => {
    const other = flattenCatalog({ a: { title: 'Hallo {nmae}', body: 'Text' }, b: 'x' });
    expect(argumentMismatches(reference, other)).toEqual(['a.title: [name] vs [nmae]']);
  });

  it('read arguments from plural, select, tags and quotes', () => {
    expect(
      icuArguments(
        'Hi {name}, you have {count, plural, =0 {none} one {# mail} other {# mails from {sender}}}',
      ),
    ).toEqual(['count', 'name', 'sender']);
    expect(icuArguments('{role, select, admin {Admin} other {<b>{role}</b>}}')).toEqual([
      '<b>',
      'role',
    ]);
    expect(icuArguments("It''s '{literal}' and {n, number, ::percent}")).toEqual(['n']);
    expect(icuArguments('No arguments')).toEqual([]);
    expect(() => icuArguments('Broken {name')).toThrow();
  });
});
