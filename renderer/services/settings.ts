/**
 * The reader's settings, kept in this browser profile and applied to the page: the theme as
 * `data-theme` on `<html>`, the text's size, line width and font as CSS custom properties on its
 * style (set from script, which the Content Security Policy allows, unlike inline styles). The
 * text view and the themes (themes.css) read them from there.
 */
import { getState, update } from '../store';
import { readStored, writeStored } from '../store/preferences';
import { parseSettings, serialiseSettings, settingsCss, withSettingsChanged, type Settings } from '../store/settings';

const SETTINGS_KEY = 'workbench-settings';

/** Gives the page the look `settings` ask for. */
function applySettings(settings: Settings): void {
  const root = document.documentElement;
  const css = settingsCss(settings);
  if (css.theme) root.dataset.theme = css.theme;
  else delete root.dataset.theme;
  for (const [name, value] of Object.entries(css.properties)) root.style.setProperty(name, value);
}

/** Reads the kept settings and applies them; called once, before the page is first drawn. */
export function startSettings(): void {
  const settings = parseSettings(readStored(SETTINGS_KEY));
  update({ settings });
  applySettings(settings);
}

/** Changes settings: applied at once and kept for the next start. */
export function changeSettings(change: Partial<Settings>): void {
  update((state) => withSettingsChanged(state, change));
  const { settings } = getState();
  writeStored(SETTINGS_KEY, serialiseSettings(settings));
  applySettings(settings);
}

/** Whether the page is dark now (a dark theme, or the system's dark scheme when the theme follows it). */
function looksDark(): boolean {
  const theme = getState().settings.theme;
  if (theme === 'system') return window.matchMedia('(prefers-color-scheme: dark)').matches;
  return theme !== 'light';
}

/** Switches between the light and the dark theme (from high contrast or the system's, to the other of what shows). */
export function toggleTheme(): void {
  changeSettings({ theme: looksDark() ? 'light' : 'dark' });
}
