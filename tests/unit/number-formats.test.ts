/**
 * Numbers in the interface: written in the interface language's digits and separators, by Intl
 * formats made once per language and options (a page writes hundreds of numbers when a document
 * opens; i18next's own `number` format made a new Intl.NumberFormat for nearly every one).
 */
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, numberFormat, t } from '../../renderer/i18n/i18n';

afterEach(async () => {
  vi.restoreAllMocks();
  await i18next.changeLanguage('en');
});

describe('numbers in messages', () => {
  it("are written in the interface language's separators", async () => {
    await i18next.changeLanguage('en');
    expect(t('agreement.summary.documents', { count: 1234567 })).toBe('1,234,567 documents');
    expect(formatNumber(0.5, { style: 'percent' })).toBe('50%');
    await i18next.changeLanguage('de');
    expect(t('agreement.summary.documents', { count: 1234567 })).toBe('1.234.567 Dokumente');
    expect(formatNumber(1234.5, { maximumFractionDigits: 1 })).toBe('1.234,5');
    expect(formatNumber(0.5, { style: 'percent' })).toBe('50\u00a0%');
  });

  it('keep their options apart from the values of the message', () => {
    expect(t('agreement.summary.documents', { count: 2, maximumFractionDigits: 0, names: 'x' })).toBe('2 documents');
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en', { maximumFractionDigits: 1 }));
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 2 }));
    expect(numberFormat('en')).not.toBe(numberFormat('de'));
  });

  it('are written by formats made once, not one per number', async () => {
    await i18next.changeLanguage('de');
    // Each language and set of options once, before counting.
    t('agreement.summary.documents', { count: 1 });
    formatNumber(1);
    const made = vi.spyOn(Intl, 'NumberFormat');
    const written = new Set<string>();
    for (let count = 1000; count < 1200; count++) {
      written.add(t('agreement.summary.documents', { count }));
      written.add(formatNumber(count));
    }
    expect(written.size).toBe(400);
    expect(written.has('1.199 Dokumente')).toBe(true);
    expect(made).not.toHaveBeenCalled();
  });
});
