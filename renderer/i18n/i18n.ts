/**
 * The interface's words, through i18next: every string the page shows is a key in the message
 * files beside this module (locales/*.json); plurals follow the language's rules (Intl.PluralRules)
 * and numbers and dates are formatted by Intl in the chosen language.
 *
 * React components call `useT()`; services and commands, which are not components, call `t`.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { readStored, writeStored } from '../store/preferences';
import { isLanguage, MESSAGES, systemLanguage, type Language } from './languages';

export type { Language } from './languages';

const LANGUAGE_KEY = 'workbench-language';

/** The language chosen in the settings, or null to follow the system's. */
export function chosenLanguage(): Language | null {
  const kept = readStored(LANGUAGE_KEY);
  return isLanguage(kept) ? kept : null;
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

function startLanguage(): Language {
  return chosenLanguage() ?? systemLanguage(browserLanguages());
}

const resources = Object.fromEntries(Object.entries(MESSAGES).map(([language, messages]) => [language, { translation: messages }]));

void i18next.use(initReactI18next).init({
  resources,
  lng: startLanguage(),
  fallbackLng: 'en',
  // React escapes what it draws; escaping here too would show entities.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const setDocumentLanguage = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
setDocumentLanguage(i18next.language);
i18next.on('languageChanged', setDocumentLanguage);

/** The interface's words, outside React. */
export const t = i18next.t.bind(i18next);

/** The interface's words in a component (which redraws when the language changes). */
export function useT() {
  return useTranslation().t;
}

/** The language the interface is in. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Switches the interface to `language` (kept), or back to the system's (null). */
export function chooseLanguage(language: Language | null): void {
  writeStored(LANGUAGE_KEY, language ?? '');
  void i18next.changeLanguage(language ?? systemLanguage(browserLanguages()));
}

/**
 * Intl's formats, made once per language and options: making one costs tens of microseconds
 * (its locale data resolved), using one a fraction of that, and a page writes hundreds of numbers.
 */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The options of Intl.NumberFormat that a message may give its number (`{{n, number(maximumFractionDigits: 1)}}`). */
const NUMBER_OPTIONS = [
  'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay', 'notation', 'compactDisplay', 'signDisplay',
  'useGrouping', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits',
  'maximumSignificantDigits', 'roundingMode', 'roundingPriority', 'roundingIncrement', 'trailingZeroDisplay',
] as const;

/** The number format of `language` with `options` (the same object for the same pair). */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n ${language} ${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** The Intl options among a message's format options (i18next hands them over mixed with the message's values). */
function numberOptions(given: Record<string, unknown> | undefined): Intl.NumberFormatOptions {
  const options: Record<string, unknown> = {};
  if (given) for (const name of NUMBER_OPTIONS) if (given[name] !== undefined) options[name] = given[name];
  return options as Intl.NumberFormatOptions;
}

// The messages' `{{count, number}}` through the kept formats: i18next's own keeps one per set of the
// message's values (the count among them), so it made a new format for nearly every number it wrote.
i18next.services.formatter?.add('number', (value: number, language: string | undefined, options: Record<string, unknown> | undefined) =>
  numberFormat(language ?? currentLanguage(), numberOptions(options)).format(value),
);

/** A date and time in the interface's language. */
export function formatDateTime(date: Date | string | number): string {
  const key = `d ${currentLanguage()}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(key, format);
  }
  return format.format(new Date(date));
}

/** A number in the interface's language. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(currentLanguage(), options).format(value);
}
