/**
 * The reader's settings: the colour theme, the text's size, line width and font, and whether the
 * document portrait stands beside the text. Pure: the
 * settings, their defaults and choices, and the reading of what was kept (anything kept that is
 * not a valid setting falls back to its default, one setting at a time). The interface's language
 * is kept by renderer/i18n/i18n.ts; renderer/services/settings.ts keeps and applies the rest.
 */

/** The colour theme; `system` follows the system's light or dark scheme. */
export type Theme = 'system' | 'light' | 'dark' | 'high-contrast';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'high-contrast'];

/** How wide a line of the text may grow. */
export type LineWidth = 'narrow' | 'medium' | 'wide' | 'full';
export const LINE_WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide', 'full'];

/** The kind of typeface the text is set in. */
export type TextFont = 'serif' | 'sans-serif' | 'monospace';
export const TEXT_FONTS: readonly TextFont[] = ['serif', 'sans-serif', 'monospace'];

/** The text's size in CSS pixels, from the smallest to the largest offered. */
export const TEXT_SIZES = { min: 14, max: 24 } as const;

export interface Settings {
  theme: Theme;
  /** In CSS pixels, within TEXT_SIZES. */
  textSize: number;
  lineWidth: LineWidth;
  textFont: TextFont;
  /** Whether the strip showing where each code sits along the text stands beside it. */
  documentPortrait: boolean;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', textSize: 17, lineWidth: 'medium', textFont: 'serif', documentPortrait: true };

/** The CSS `max-width` of a line of the text for each width (`none`: as wide as the main area). */
export const LINE_WIDTH_CSS: Record<LineWidth, string> = { narrow: '60ch', medium: '78ch', wide: '100ch', full: 'none' };

/**
 * The font-family list for each kind of typeface: a face for Latin and Cyrillic first, then faces
 * that cover Arabic, Hebrew and Armenian, then colour emoji, then the generic family, so that
 * every script of the corpus is drawn wherever the system has a face for it.
 */
export const TEXT_FONT_CSS: Record<TextFont, string> = {
  serif:
    "Georgia, 'Noto Serif', 'DejaVu Serif', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Noto Serif Hebrew', 'Noto Sans Hebrew', 'Noto Serif Armenian', 'Noto Sans Armenian', 'Noto Serif Georgian', 'Noto Serif CJK SC', 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', serif",
  'sans-serif':
    "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Armenian', 'Noto Sans Georgian', 'Noto Sans CJK SC', 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif",
  monospace:
    "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', 'Noto Naskh Arabic', 'Noto Sans Hebrew', 'Noto Sans Armenian', 'Noto Sans Georgian', 'Noto Sans Mono CJK SC', 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', monospace",
};

export interface SettingsSlice {
  settings: Settings;
}

export const settingsInitial: SettingsSlice = { settings: DEFAULT_SETTINGS };

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The settings kept as `stored` (JSON); what is missing, unreadable or out of range is the default. */
export function parseSettings(stored: string | null): Settings {
  let kept: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored === null ? {} : JSON.parse(stored);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) kept = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (written by hand, or cut short): every setting is its default.
  }
  const size = kept.textSize;
  return {
    theme: oneOf(THEMES, kept.theme, DEFAULT_SETTINGS.theme),
    textSize: typeof size === 'number' && Number.isInteger(size) && size >= TEXT_SIZES.min && size <= TEXT_SIZES.max ? size : DEFAULT_SETTINGS.textSize,
    lineWidth: oneOf(LINE_WIDTHS, kept.lineWidth, DEFAULT_SETTINGS.lineWidth),
    textFont: oneOf(TEXT_FONTS, kept.textFont, DEFAULT_SETTINGS.textFont),
    documentPortrait: typeof kept.documentPortrait === 'boolean' ? kept.documentPortrait : DEFAULT_SETTINGS.documentPortrait,
  };
}

/** The settings as they are kept. */
export function serialiseSettings(settings: Settings): string {
  return JSON.stringify(settings);
}

/** The settings with `change` applied, kept valid (a text size is held within range). */
export function withSettingsChanged(state: SettingsSlice, change: Partial<Settings>): Partial<SettingsSlice> {
  const next = { ...state.settings, ...change };
  const textSize = Math.min(TEXT_SIZES.max, Math.max(TEXT_SIZES.min, Math.round(next.textSize)));
  return { settings: parseSettings(serialiseSettings({ ...next, textSize })) };
}

/**
 * The CSS the page is given for `settings`: the `data-theme` attribute of `<html>` (null: none,
 * so that the system's scheme is followed) and the custom properties set on its style.
 */
export function settingsCss(settings: Settings): { theme: string | null; properties: Record<'--text-size' | '--line-width' | '--text-font', string> } {
  return {
    theme: settings.theme === 'system' ? null : settings.theme,
    properties: {
      '--text-size': `${settings.textSize}px`,
      '--line-width': LINE_WIDTH_CSS[settings.lineWidth],
      '--text-font': TEXT_FONT_CSS[settings.textFont],
    },
  };
}
