/**
 * The workspace as a researcher drives it in the end-to-end tests: a side panel chosen in the
 * activity bar, a view opened as a tab from its panel, a format exported from the Export… dialog.
 */
import type { Page } from 'playwright-core';

export type SidePanelName = 'documents' | 'codebook' | 'search' | 'segments' | 'suggestions' | 'analysis' | 'agreement';
export type ViewName = 'retrieval' | 'variables' | 'reliability' | 'analysis' | 'portrait';

/** The side panel that holds the button opening each view. */
const PANEL_OF_VIEW: Record<ViewName, SidePanelName> = { retrieval: 'segments', variables: 'documents', reliability: 'agreement', analysis: 'analysis', portrait: 'analysis' };

/** Shows a side panel (leaves it shown when it is). */
export async function showSidePanel(page: Page, panel: SidePanelName): Promise<void> {
  const entry = page.locator(`.activity-bar button[data-action="${panel}"]`);
  if ((await entry.getAttribute('aria-pressed')) !== 'true') await entry.click();
  await page.waitForSelector(`.side-panel[data-panel="${panel}"]`);
}

/** Opens a view in its tab (or brings the tab forward), from its side panel. */
export async function openView(page: Page, view: ViewName): Promise<void> {
  await showSidePanel(page, PANEL_OF_VIEW[view]);
  await page.click(`.side-panel button[data-action="${view}"]`);
  await page.waitForSelector(`[role="tab"][data-view="${view}"][aria-selected="true"]`);
}

/** Brings a document's open tab forward. */
export async function showDocumentTab(page: Page, documentId: string): Promise<void> {
  await page.click(`[role="tab"][data-document-id="${documentId}"]`);
  await page.waitForSelector(`.text-host[data-ready][data-document-id="${documentId}"]`);
}

/** Starts the export of a format from the Export… dialog (the dialog closes as the export starts). */
export async function exportFrom(page: Page, formatId: string): Promise<void> {
  await page.click('button[data-action="export"]');
  await page.click(`.export-dialog button[data-action="export-${formatId}"]`);
}

/** Runs a command of the palette (Ctrl+Shift+P) by its id, as a researcher picks it. */
export async function runFromPalette(page: Page, commandId: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('dialog.command-palette').waitFor();
  await page.click(`.palette-option[data-command="${commandId}"]`);
}
