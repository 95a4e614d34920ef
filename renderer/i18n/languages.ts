/**
 * The languages the interface ships in, and the one to use: the one chosen in the settings, or
 * else the system's (the first of the browser's languages that ships), or else English.
 */
import de from './locales/de.json';
import en from './locales/en.json';

/** English is the source: every other language has exactly its keys (a test checks). */
export const MESSAGES = { en, de } as const;

export type Language = keyof typeof MESSAGES;

export const LANGUAGES: readonly Language[] = ['en', 'de'];

/** Each language's name in itself, for the settings' list. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of `preferred` (BCP 47 tags, e.g. navigator.languages) that ships, or English. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
