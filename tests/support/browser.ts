/** Debian's Chromium driven by playwright-core, with the flags this machine needs. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { characterBoxesInPage } from './select-text';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Collects page errors and CSP violations, so that a test can require there were none. */
export async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return problems;
}

/** Selects [start, end) of the open document by dragging the mouse, as a person would. */
export async function dragSelect(page: Page, start: number, end: number): Promise<void> {
  const [from, to] = await page.evaluate(characterBoxesInPage, [start, end - 1]);
  await page.mouse.move(from.left + 1, from.y);
  await page.mouse.down();
  await page.mouse.move((from.left + to.right) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.right - 1, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Clicks on the character at an offset. */
export async function clickAt(page: Page, offset: number): Promise<void> {
  const [box] = await page.evaluate(characterBoxesInPage, [offset]);
  await page.mouse.click((box.left + box.right) / 2, box.y);
}
