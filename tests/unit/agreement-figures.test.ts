// The agreement figures as the view writes them, in the interface's language: German writes a
// decimal comma and a space before the percent sign; undefined and not-applicable figures stay
// marked the same in both.
import { afterAll, describe, expect, it } from 'vitest';
import { chooseLanguage, t } from '../../renderer/i18n/i18n';
import { count, figure, percent } from '../../renderer/components/agreement/figures';

afterAll(() => chooseLanguage('en'));

describe('agreement figures by language', () => {
  it('writes coefficients, percentages and counts the English way', () => {
    chooseLanguage('en');
    expect(figure(0.8304)).toBe('0.830');
    expect(figure(-0.0012)).toBe('-0.001');
    expect(percent(0.9971, 100)).toBe('99.7%');
    expect(percent(66.666, 1)).toBe('66.7%');
    expect(count(12345)).toBe('12,345');
  });

  it('writes them the German way: α = 0,830, 99,7 %, 12.345', () => {
    chooseLanguage('de');
    expect(figure(0.8304)).toBe('0,830');
    expect(percent(0.9971, 100)).toBe('99,7\u00a0%');
    expect(count(12345)).toBe('12.345');
  });

  it('marks an undefined figure with a dash and leaves one that does not apply empty, in any language', () => {
    chooseLanguage('de');
    expect(figure(Number.NaN)).toBe('—');
    expect(figure(null)).toBe('—');
    expect(figure(null, false)).toBe('');
    expect(percent(undefined, 100)).toBe('—');
  });

  it('says one and several by the language’s plural rules', () => {
    chooseLanguage('en');
    expect(t('retrieval.export.shown', { count: 1 })).toBe('Export this segment as CSV');
    expect(t('retrieval.export.shown', { count: 2 })).toBe('Export these 2 as CSV');
    expect(t('services.export.segments', { count: 1234, path: 'a.csv' })).toBe('Exported 1,234 coded segments to a.csv');
    chooseLanguage('de');
    expect(t('retrieval.export.shown', { count: 1 })).toBe('Dieses Segment als CSV exportieren');
    expect(t('services.export.segments', { count: 1234, path: 'a.csv' })).toBe('1.234 codierte Segmente nach a.csv exportiert');
  });
});
