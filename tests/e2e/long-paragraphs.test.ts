/**
 * A long document of long paragraphs in the real renderer: the scroll bar knows the text's height
 * before the reader has scrolled through it (sections not yet laid out are given a height from
 * their lines' lengths).
 */
import { describe, expect, it } from 'vitest';
import { textFolder } from '../support/temp';
import { setUpWorkbench } from '../support/workbench';

const WORDS = 'the interviewee described the long walk to the clinic and the waiting that followed it ';
const LINES = Array.from({ length: 1300 }, (_, i) => (i % 5 === 2 ? '' : `Paragraph ${i}: ${WORDS.repeat(4 + (i % 3))}`));
const TEXT = LINES.join('\n');

const workbench = setUpWorkbench(() => textFolder({ 'long-paragraphs.txt': TEXT }));

describe('a long document of long paragraphs', () => {
  it('gives the sections not yet laid out about their height, so the scroll bar does not jump as the reader scrolls', async () => {
    const document = workbench.project.store.overview().documents[0];
    const { page, problems } = await workbench.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    await workbench.openInPage(page, document.id);
    const root = page.locator('.text-host');
    await expect.poll(() => root.evaluate((host) => host.shadowRoot!.querySelectorAll('.tv-far').length)).toBeGreaterThan(10);
    const scroller = page.locator('.document');
    const estimated = await scroller.evaluate((element) => element.scrollHeight);
    // Every section laid out: the text's real height.
    await root.evaluate((host) => host.shadowRoot!.querySelectorAll<HTMLElement>('.tv-section').forEach((section) => { section.style.contentVisibility = 'visible'; }));
    const real = await scroller.evaluate((element) => element.scrollHeight);
    expect(estimated / real).toBeGreaterThan(0.85);
    expect(estimated / real).toBeLessThan(1.15);
    expect(problems).toEqual([]);
    await page.close();
  });
});
