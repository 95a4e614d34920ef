/**
 * The language of a text without a language variable, guessed from its start: by a script only one
 * language writes, else by the share of one language's stop-words; no guess when the start does
 * not tell. And the locale a document's sentences are found in: its variable first.
 */
import { describe, expect, it } from 'vitest';
import { documentLanguage, FALLBACK_LOCALE } from '../../shared/suggestions/sentences';
import { GUESS_SAMPLE, guessLanguage } from '../../shared/text/languages';

const SAMPLES: Record<string, string> = {
  en: 'The council said that it would not meet again until the end of the year, and that the roads were closed.',
  de: 'Der Rat sagte, dass er sich erst am Ende des Jahres wieder treffen werde und dass die Straßen gesperrt seien.',
  fr: "Le conseil a dit qu'il ne se réunirait pas avant la fin de l'année et que les routes étaient fermées.",
  es: 'El consejo dijo que no se reuniría de nuevo hasta el final del año y que las carreteras estaban cerradas.',
  ru: 'Совет заявил, что не соберётся снова до конца года и что дороги были закрыты для всех.',
  tr: 'Konsey, yılın sonuna kadar tekrar toplanmayacağını ve yolların kapalı olduğunu söyledi ve bu çok önemli bir karar oldu.',
  hy: 'Խորհուրդը հայտարարեց, որ մինչև տարվա վերջ այլևս չի հավաքվի։',
  el: 'Το συμβούλιο δήλωσε ότι δεν θα συνεδριάσει ξανά μέχρι το τέλος του έτους.',
  ja: '評議会は、年末まで再び会合を開かないと述べた。道路は閉鎖されている。',
  ko: '위원회는 연말까지 다시 모이지 않을 것이라고 말했다.',
  he: 'המועצה אמרה שהיא לא תתכנס שוב עד סוף השנה.',
};

describe('guessing a text’s language', () => {
  it.each(Object.entries(SAMPLES))('names %s from a sentence of it', (language, text) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it('reads only the start of a long text', () => {
    const text = SAMPLES.de!.repeat(Math.ceil(GUESS_SAMPLE / SAMPLES.de!.length)) + ' ' + SAMPLES.en!.repeat(200);
    expect(guessLanguage(text)).toBe('de');
  });

  it('makes no guess from too few words, no letters, or words of no listed language', () => {
    expect(guessLanguage('The end.')).toBeNull();
    expect(guessLanguage('')).toBeNull();
    expect(guessLanguage('2024-05-01 12:00 — 17 / 42 = 0.40 🙂')).toBeNull();
    expect(guessLanguage('Xqzv brlt kwomp zzyx plof grint vosk trabble quorp snix flarn.')).toBeNull();
  });
});

describe('the locale of a document’s sentences', () => {
  it('is its language variable’s, else its text’s guessed language, else the fallback', () => {
    expect(documentLanguage({ language: 'fr' }, SAMPLES.de!)).toBe('fr');
    expect(documentLanguage({ Sprache: 'pt_BR' }, SAMPLES.en!)).toBe('pt-BR');
    expect(documentLanguage({}, SAMPLES.de!)).toBe('de');
    expect(documentLanguage({ language: 'German' }, SAMPLES.ru!)).toBe('ru');
    expect(documentLanguage({}, 'Ok.')).toBe(FALLBACK_LOCALE);
  });
});
