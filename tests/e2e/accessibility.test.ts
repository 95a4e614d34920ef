/**
 * axe-core on the panels in the real renderer, in light and dark: the document list, the codebook,
 * the code bar with a document open, the segment panel, a segment's details, the coder dialog and
 * the exchange of coder files. No violation of impact serious or critical may remain; a failure
 * lists each with its rule, help and the elements it names. Screenshots of each state go to
 * .tmp/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { blockingViolations } from '../support/axe';
import { clickAt } from '../support/browser';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';

const workbench = setUpWorkbench();

const SCHEMES = ['light', 'dark'] as const;

describe('accessibility of the panels (axe-core)', () => {
  for (const scheme of SCHEMES) {
    it(`has no serious or critical violations in the ${scheme} theme`, async () => {
      const { store, handlers } = workbench.project;
      const document = store.overview().documents[1];
      const { text } = await store.openDocument(document.id);
      if ((await store.openDocument(document.id)).segments.length === 0) {
        await handlers.addSegment(segmentInput(document.id, text, 'Azerbaijan', 'opinion'));
        await handlers.addSegment(segmentInput(document.id, text, 'Armenia', 'factual-claim'));
      }
      const { page, problems } = await workbench.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, string[]> = {};
      const check = async (panel: string, selector: string) => {
        await page.waitForSelector(selector);
        await page.screenshot({ path: `.tmp/screenshots/axe-${panel}-${scheme}.png` });
        const violations = await blockingViolations(page, selector);
        if (violations.length) found[panel] = violations;
      };

      await check('document-list', '.document-panel');
      await workbench.openInPage(page, document.id);
      await check('code-bar', '.code-bar');
      await check('segment-panel', '.segment-panel');
      await clickAt(page, text.indexOf('Azerbaijan') + 3);
      await check('segment-details', '.popover');
      await page.keyboard.press('Escape');
      await page.click('button[data-action="codebook"]');
      await check('codebook', '.codebook-editor');
      await page.click('button[data-action="coder"]');
      await check('coder-dialog', '.coder-dialog');
      await page.keyboard.press('Escape');
      await page.click('button[data-action="reliability"]');
      await check('coder-exchange', '.coder-exchange');

      expect(found, formatFound(found)).toEqual({});
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

/** The violations by panel, one a line, for the failure message. */
function formatFound(found: Record<string, string[]>): string {
  return Object.entries(found)
    .map(([panel, violations]) => `${panel}:\n  ${violations.join('\n  ')}`)
    .join('\n');
}

