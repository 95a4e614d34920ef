/**
 * The interface's message files: every shipped language has exactly English's keys, with the same
 * placeholders, and no message is left empty.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, systemLanguage } from '../../renderer/i18n/languages';

type Messages = { [key: string]: string | Messages };

/** Every key of a message tree, as dotted paths, with its text. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The placeholders of a message ({{name}} or {{name, format}}), sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();
}

/** The key without its plural suffix (_zero, _one, _two, _few, _many, _other). */
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const english = flatten(MESSAGES.en as Messages);

describe('message files', () => {
  for (const language of LANGUAGES.filter((language) => language !== 'en')) {
    it(`${language} has every English key and no other`, () => {
      const messages = flatten(MESSAGES[language] as Messages);
      // Plural forms differ between languages: compare the keys without their plural suffixes.
      const bases = (map: Map<string, string>) => [...new Set([...map.keys()].map(pluralBase))].sort();
      expect(bases(messages)).toEqual(bases(english));
    });

    it(`${language} has every plural form its language needs where English has plurals`, () => {
      const messages = flatten(MESSAGES[language] as Messages);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = [...new Set([...english.keys()].filter((key) => key !== pluralBase(key)).map(pluralBase))];
      const missing = plurals.flatMap((base) => categories.filter((category) => !messages.has(`${base}_${category}`)).map((category) => `${base}_${category}`));
      expect(missing).toEqual([]);
    });

    it(`${language} keeps each message's placeholders`, () => {
      const messages = flatten(MESSAGES[language] as Messages);
      const wrong: string[] = [];
      for (const [key, text] of messages) {
        const source = english.get(key) ?? english.get(`${pluralBase(key)}_other`) ?? english.get(pluralBase(key));
        if (source === undefined) continue; // reported by the test above
        // A plural form may leave the count out ("das einzige Dokument"): it is in the key's choice.
        const expected = placeholders(source).filter((name) => !(name === 'count' && key !== pluralBase(key)));
        const found = placeholders(text).filter((name) => !(name === 'count' && key !== pluralBase(key)));
        if (found.join() !== expected.join()) wrong.push(`${key}: ${text}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('no message is empty', () => {
    const empty = LANGUAGES.flatMap((language) =>
      [...flatten(MESSAGES[language] as Messages)].filter(([, text]) => !text.trim()).map(([key]) => `${language}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('the system language is the first shipped one the browser prefers', () => {
    expect(systemLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['hy-AM'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
