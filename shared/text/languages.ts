/**
 * Languages by the stop-word lists of the `stopword` package: its name of each list, the ISO 639-1
 * codes and English names that lead to it, and a guess of the language a text is written in when
 * no document variable says (the sentences and words of a text are then found by that language's
 * rules).
 *
 * The guess reads the start of the text: a script that names its language when it is most of the
 * letters (Armenian, Georgian, Greek, Hebrew, Hangul, kana, Han, Thai) names it; otherwise the language whose
 * stop-words make up the largest share of the words there, when that share is clear (at least
 * `MIN_SHARE` of the words and `MIN_LEAD` ahead of the next language). Stop-words are the most
 * frequent words of a language, which is what makes them the usual features of a quick guess
 * (Cavnar & Trenkle 1994 use the most frequent n-grams alike). A text too short or too mixed to
 * tell gets no guess.
 */
import * as stopwords from 'stopword';

/** ISO 639-1 codes and English names of the languages the stopword package has a list for, to its names. */
export const STOP_WORD_LANGUAGES: Readonly<Record<string, string>> = {
  af: 'afr', afrikaans: 'afr', ar: 'ara', arabic: 'ara', bn: 'ben', bengali: 'ben', br: 'bre', breton: 'bre', bg: 'bul', bulgarian: 'bul',
  ca: 'cat', catalan: 'cat', cs: 'ces', czech: 'ces', da: 'dan', danish: 'dan', de: 'deu', german: 'deu', el: 'ell', greek: 'ell',
  en: 'eng', english: 'eng', eo: 'epo', esperanto: 'epo', et: 'est', estonian: 'est', eu: 'eus', basque: 'eus', fa: 'fas', persian: 'fas',
  fi: 'fin', finnish: 'fin', fr: 'fra', french: 'fra', ga: 'gle', irish: 'gle', gl: 'glg', galician: 'glg', gu: 'guj', gujarati: 'guj',
  ha: 'hau', hausa: 'hau', he: 'heb', hebrew: 'heb', hi: 'hin', hindi: 'hin', hr: 'hrv', croatian: 'hrv', hu: 'hun', hungarian: 'hun',
  hy: 'hye', armenian: 'hye', id: 'ind', indonesian: 'ind', it: 'ita', italian: 'ita', ja: 'jpn', japanese: 'jpn', ko: 'kor', korean: 'kor',
  ku: 'kur', kurdish: 'kur', la: 'lat', latin: 'lat', lv: 'lav', latvian: 'lav', lt: 'lit', lithuanian: 'lit', mr: 'mar', marathi: 'mar',
  ms: 'msa', malay: 'msa', my: 'mya', burmese: 'mya', nl: 'nld', dutch: 'nld', no: 'nob', nb: 'nob', norwegian: 'nob', pa: 'panGu', punjabi: 'panGu',
  pl: 'pol', polish: 'pol', pt: 'por', portuguese: 'por', 'pt-br': 'porBr', ro: 'ron', romanian: 'ron', ru: 'rus', russian: 'rus',
  sk: 'slk', slovak: 'slk', sl: 'slv', slovenian: 'slv', so: 'som', somali: 'som', st: 'sot', sotho: 'sot', es: 'spa', spanish: 'spa',
  sw: 'swa', swahili: 'swa', sv: 'swe', swedish: 'swe', tl: 'tgl', tagalog: 'tgl', th: 'tha', thai: 'tha', tr: 'tur', turkish: 'tur',
  uk: 'ukr', ukrainian: 'ukr', ur: 'urd', urdu: 'urd', vi: 'vie', vietnamese: 'vie', yo: 'yor', yoruba: 'yor', zh: 'zho', chinese: 'zho', zu: 'zul', zulu: 'zul',
};

/** How much of the start of a text the guess reads (code units). */
export const GUESS_SAMPLE = 2_000;
/** The least share of a sample's words that must be one language's stop-words. */
export const MIN_SHARE = 0.15;
/** How far ahead of the next language the first must be (in share of the words). */
export const MIN_LEAD = 0.05;
/** The fewest words a sample must have for a guess by stop-words. */
export const MIN_WORDS = 8;

/** Scripts that, among the listed languages, one language writes (kana before Han: Japanese mixes both). */
const SCRIPT_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
];
const LETTER = /\p{L}/gu;
/** A letter of another script than Latin (most texts have none, and skip the scripts' counts). */
const NOT_LATIN = /[^\P{L}\p{Script=Latin}]/u;

/** Each stop-word, to the languages (ISO 639-1 where there is one) whose list has it; made once. */
let stopWordIndex: { languages: string[]; byWord: Map<string, number[]> } | null = null;

function index(): NonNullable<typeof stopWordIndex> {
  if (stopWordIndex) return stopWordIndex;
  const lists = stopwords as unknown as Record<string, unknown>;
  const codeOf = new Map<string, string>();
  for (const [key, name] of Object.entries(STOP_WORD_LANGUAGES)) if (/^[a-z]{2}$/.test(key) && !codeOf.has(name)) codeOf.set(name, key);
  const languages: string[] = [];
  const byWord = new Map<string, number[]>();
  for (const [name, list] of Object.entries(lists)) {
    const code = codeOf.get(name);
    if (!code || !Array.isArray(list)) continue;
    const at = languages.push(code) - 1;
    for (const word of new Set(list.map((w: string) => w.toLowerCase()))) {
      const known = byWord.get(word);
      if (known) known.push(at);
      else byWord.set(word, [at]);
    }
  }
  return (stopWordIndex = { languages, byWord });
}

/** A run of letters (and the marks and joiners within a word): enough to find stop-words, which are whole words. */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’\u00AD\u200C\u200D]*/gu;

/** A guess of the language `text` is written in (an ISO 639-1 code), or null when its start does not tell. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, GUESS_SAMPLE);
  if (NOT_LATIN.test(sample)) {
    const letters = sample.match(LETTER)?.length ?? 0;
    for (const [script, language] of SCRIPT_LANGUAGES) {
      if ((sample.match(script)?.length ?? 0) * 2 > letters) return language;
    }
  }
  const { languages, byWord } = index();
  const hits = new Array<number>(languages.length).fill(0);
  let words = 0;
  for (const [word] of sample.matchAll(WORD)) {
    words++;
    for (const at of byWord.get(word.toLowerCase()) ?? []) hits[at]!++;
  }
  if (words < MIN_WORDS) return null;
  let first = -1;
  let second = 0;
  for (let at = 0; at < hits.length; at++) {
    if (first < 0 || hits[at]! > hits[first]!) {
      if (first >= 0) second = Math.max(second, hits[first]!);
      first = at;
    } else second = Math.max(second, hits[at]!);
  }
  const share = hits[first]! / words;
  return share >= MIN_SHARE && share - second / words >= MIN_LEAD ? languages[first]! : null;
}
