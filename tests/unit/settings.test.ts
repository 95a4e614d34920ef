// The reader's settings as kept (renderer/store/settings.ts): what was kept is read back, anything
// damaged or out of range falls back to its default one setting at a time, and the CSS the page
// is given follows the contract (data-theme, --text-size, --line-width, --text-font).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, serialiseSettings, settingsCss, withSettingsChanged, type Settings } from '../../renderer/store/settings';

describe('the settings', () => {
  it('read back what was kept', () => {
    const kept: Settings = { theme: 'high-contrast', textSize: 22, lineWidth: 'wide', textFont: 'monospace', documentPortrait: false };
    expect(parseSettings(serialiseSettings(kept))).toEqual(kept);
  });

  it('are the defaults when nothing was kept, or what was kept is not JSON or not an object', () => {
    for (const stored of [null, '', '{"theme":', 'null', '[]', '"dark"', '42']) expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('fall back one setting at a time: a damaged value does not take the others with it', () => {
    expect(parseSettings('{"theme":"purple","textSize":20,"lineWidth":"narrow","textFont":"comic"}')).toEqual({
      ...DEFAULT_SETTINGS,
      textSize: 20,
      lineWidth: 'narrow',
    });
    expect(parseSettings('{"documentPortrait":"no","theme":"dark"}')).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(DEFAULT_SETTINGS.documentPortrait).toBe(true);
    for (const textSize of [13, 25, 16.5, '18', null, -1]) expect(parseSettings(JSON.stringify({ textSize, theme: 'dark' }))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('hold a changed text size within range', () => {
    const state = { settings: DEFAULT_SETTINGS };
    expect(withSettingsChanged(state, { textSize: 40 }).settings?.textSize).toBe(24);
    expect(withSettingsChanged(state, { textSize: 3 }).settings?.textSize).toBe(14);
    expect(withSettingsChanged(state, { theme: 'dark' }).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('give the page data-theme (none for the system) and the text variables', () => {
    expect(settingsCss(DEFAULT_SETTINGS).theme).toBeNull();
    const css = settingsCss({ theme: 'dark', textSize: 19, lineWidth: 'full', textFont: 'serif', documentPortrait: true });
    expect(css.theme).toBe('dark');
    expect(css.properties['--text-size']).toBe('19px');
    expect(css.properties['--line-width']).toBe('none');
    expect(settingsCss({ ...DEFAULT_SETTINGS, lineWidth: 'narrow' }).properties['--line-width']).toBe('60ch');
  });

  it('set each font with faces for Arabic, Hebrew, Armenian and emoji before the generic family', () => {
    for (const textFont of ['serif', 'sans-serif', 'monospace'] as const) {
      const family = settingsCss({ ...DEFAULT_SETTINGS, textFont }).properties['--text-font'];
      expect(family).toMatch(/Arabic/);
      expect(family).toMatch(/Hebrew/);
      expect(family).toMatch(/Armenian/);
      expect(family).toMatch(/Emoji/);
      expect(family.endsWith(`, ${textFont}`)).toBe(true);
    }
  });
});
