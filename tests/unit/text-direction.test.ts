import { describe, expect, it } from 'vitest';
import { languageDirection, lineDirection } from '../../shared/text/text-direction';

describe('direction of a document\'s lines', () => {
  it('lets each line decide from its content when the document has no language variable', () => {
    expect(lineDirection({})).toEqual({ lang: null, dir: 'auto' });
    expect(lineDirection({ source: 'ar', stance: 'pro' })).toEqual({ lang: null, dir: 'auto' });
  });

  it('reads right to left for an Arabic, Hebrew, Persian or Urdu language variable', () => {
    expect(lineDirection({ language: 'ar' })).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(lineDirection({ Lang: 'he-IL' })).toEqual({ lang: 'he-IL', dir: 'rtl' });
    expect(lineDirection({ language: 'fa' }).dir).toBe('rtl');
    expect(lineDirection({ language: 'ur_PK' })).toEqual({ lang: 'ur-PK', dir: 'rtl' });
  });

  it('knows the three-letter codes datasets often use (ISO 639-2 and 639-3)', () => {
    for (const tag of ['ara', 'arb', 'heb', 'fas', 'per', 'urd', 'yid', 'pus', 'ckb', 'ku-Arab']) expect(languageDirection(tag), tag).toBe('rtl');
    for (const tag of ['hye', 'arm', 'aze', 'eng', 'rus', 'kur']) expect(languageDirection(tag), tag).toBe('ltr');
  });

  it('reads left to right for other languages, Armenian and Azerbaijani included', () => {
    expect(lineDirection({ language: 'hy' })).toEqual({ lang: 'hy', dir: 'ltr' });
    expect(lineDirection({ language: 'az-Latn' }).dir).toBe('ltr');
    expect(languageDirection('az-Arab')).toBe('rtl');
  });

  it('ignores a language variable that holds no language code', () => {
    expect(lineDirection({ language: 'Arabic, mostly' })).toEqual({ lang: null, dir: 'auto' });
    expect(lineDirection({ language: null })).toEqual({ lang: null, dir: 'auto' });
  });
});
