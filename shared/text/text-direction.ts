/**
 * The writing direction of a document's lines. Each line takes its direction from its own content
 * (the first strong character, as `dir="auto"` does), unless the document has a language variable
 * (a variable named `language`, `lang` or the like) holding a language code: then every line reads
 * in that language's direction, so that an Arabic line that opens with a Latin name still reads
 * right to left.
 */

/** Variable names read as a document's language. */
const LANGUAGE_VARIABLE = /^(language|lang|locale|sprache|langue|idioma|lingua)$/i;

/**
 * Languages written right to left: ISO 639-1 codes and the 639-2/639-3 codes research datasets
 * often use instead (ara, heb, fas…), the first part of a tag. (Kurdish in Arabic script comes as
 * `ku-Arab`: the script subtag says it.)
 */
const RIGHT_TO_LEFT = new Set([
  ...['ar', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi'],
  ...['ara', 'arb', 'arz', 'apc', 'ary', 'arc', 'ckb', 'div', 'fas', 'per', 'pes', 'prs', 'heb', 'kas', 'nqo', 'pus', 'pbu', 'snd', 'syr', 'uig', 'urd', 'yid', 'ydd'],
]);

/** How a document's lines are set: their language tag (if known) and direction. */
export interface LineDirection {
  /** A BCP 47 tag from the language variable, or null. */
  lang: string | null;
  /** `auto` lets each line's content decide. */
  dir: 'auto' | 'ltr' | 'rtl';
}

/** A language tag's writing direction: rtl for Arabic, Hebrew, Persian, Urdu…; ltr otherwise. */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const primary = lower.split('-')[0];
  if (/-(arab|hebr|syrc|thaa|nkoo|adlm|rohg)\b/.test(lower)) return 'rtl';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}

/** The direction of a document's lines, from its variables' values (by variable name). */
export function lineDirection(values: Readonly<Record<string, unknown>>): LineDirection {
  for (const [name, value] of Object.entries(values)) {
    if (!LANGUAGE_VARIABLE.test(name.trim()) || typeof value !== 'string') continue;
    const tag = value.trim();
    // Only a language code is taken (a name like "Arabic" is not one): two or three letters, then subtags.
    if (/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(tag)) return { lang: tag.replace(/_/g, '-'), dir: languageDirection(tag) };
  }
  return { lang: null, dir: 'auto' };
}
