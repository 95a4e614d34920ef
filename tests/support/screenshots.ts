/**
 * Screenshots the e2e suites write for a person to look at: each state at the two window sizes the
 * workbench is checked at (1400x900 and 1024x700), in the light and the dark theme, as
 * `.tmp/screenshots/<name>-<width>x<height>-<theme>.png`. The page is left light, at the suites'
 * usual size.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;
const SIZES = [
  [1400, 900],
  [1024, 700],
] as const;

/** Writes the four screenshots of the page's present state under `name`. */
export async function screenshotSizesAndThemes(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((chosen) => (globalThis.document.documentElement.dataset.theme = chosen), theme);
      // Two frames: the new size and theme laid out and painted (and what they re-measure drawn).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}x${height}-${theme}.png` });
    }
  }
  await page.evaluate(() => (globalThis.document.documentElement.dataset.theme = 'light'));
  await page.setViewportSize({ width: 1500, height: 950 });
}
