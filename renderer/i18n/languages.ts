/**
 * The languages the interface ships in, and the one to use: the one chosen in the settings, or
 * else the system's (the first of the browser's languages that ships), or else English.
 */
import deCommon from './locales/de/common.json';
import deWorkspace from './locales/de/workspace.json';
import deCommands from './locales/de/commands.json';
import deSettings from './locales/de/settings.json';
import deTextView from './locales/de/textView.json';
import deDocuments from './locales/de/documents.json';
import deCodebook from './locales/de/codebook.json';
import deCoding from './locales/de/coding.json';
import deCoders from './locales/de/coders.json';
import deAgreement from './locales/de/agreement.json';
import deRetrieval from './locales/de/retrieval.json';
import deVariables from './locales/de/variables.json';
import deSearch from './locales/de/search.json';
import deMessages from './locales/de/messages.json';
import deServices from './locales/de/services.json';
import deProjects from './locales/de/projects.json';
import deAnalysis from './locales/de/analysis.json';
import dePortrait from './locales/de/portrait.json';
import deSuggestions from './locales/de/suggestions.json';
import enCommon from './locales/en/common.json';
import enWorkspace from './locales/en/workspace.json';
import enCommands from './locales/en/commands.json';
import enSettings from './locales/en/settings.json';
import enTextView from './locales/en/textView.json';
import enDocuments from './locales/en/documents.json';
import enCodebook from './locales/en/codebook.json';
import enCoding from './locales/en/coding.json';
import enCoders from './locales/en/coders.json';
import enAgreement from './locales/en/agreement.json';
import enRetrieval from './locales/en/retrieval.json';
import enVariables from './locales/en/variables.json';
import enSearch from './locales/en/search.json';
import enMessages from './locales/en/messages.json';
import enServices from './locales/en/services.json';
import enProjects from './locales/en/projects.json';
import enAnalysis from './locales/en/analysis.json';
import enPortrait from './locales/en/portrait.json';
import enSuggestions from './locales/en/suggestions.json';

/** One namespace per part of the interface (locales/<language>/<namespace>.json). */
const en = { common: enCommon, workspace: enWorkspace, commands: enCommands, settings: enSettings, textView: enTextView, documents: enDocuments, codebook: enCodebook, coding: enCoding, coders: enCoders, agreement: enAgreement, retrieval: enRetrieval, variables: enVariables, search: enSearch, messages: enMessages, services: enServices, projects: enProjects, analysis: enAnalysis, portrait: enPortrait, suggestions: enSuggestions };
const de = { common: deCommon, workspace: deWorkspace, commands: deCommands, settings: deSettings, textView: deTextView, documents: deDocuments, codebook: deCodebook, coding: deCoding, coders: deCoders, agreement: deAgreement, retrieval: deRetrieval, variables: deVariables, search: deSearch, messages: deMessages, services: deServices, projects: deProjects, analysis: deAnalysis, portrait: dePortrait, suggestions: deSuggestions };

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
