/**
 * The set-up most end-to-end tests share: Debian's Chromium, a real project in a temporary
 * folder, and the preview server over the real handlers, started before the file's tests and
 * stopped after them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { launchChromium, watchForProblems } from './browser';
import { openProject, type OpenProject } from './project';
import { showSidePanel } from './workspace';

export const RENDERER = new URL('../../dist/renderer', import.meta.url).pathname;

export interface Workbench {
  readonly browser: Browser;
  readonly project: OpenProject;
  readonly server: PreviewServer;
  /** A new page on the app, loaded, with page errors and CSP violations collected in `problems`. */
  newPage(): Promise<{ page: Page; problems: string[] }>;
  /** Opens a document in the page (from the Documents panel) and waits for its text view. */
  openInPage(page: Page, documentId: string): Promise<void>;
}

export function setUpWorkbench(bundledDocuments?: () => Promise<string>): Workbench {
  let browser: Browser;
  let project: OpenProject;
  let server: PreviewServer;
  beforeAll(async () => {
    browser = await launchChromium();
    project = await openProject(undefined, bundledDocuments ? await bundledDocuments() : undefined);
    server = await startPreviewServer({ handlers: project.handlers, rendererFolder: RENDERER });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await project?.store.close();
  });
  return {
    get browser() {
      return browser;
    },
    get project() {
      return project;
    },
    get server() {
      return server;
    },
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
      const problems = await watchForProblems(page);
      await page.goto(server.url);
      await page.waitForSelector('.document-button, .empty');
      return { page, problems };
    },
    async openInPage(page, documentId) {
      await showSidePanel(page, 'documents');
      await page.click(`.document-button[data-document-id="${documentId}"]`);
      await page.waitForSelector(`.text-host[data-ready][data-document-id="${documentId}"]`);
    },
  };
}

/**
 * Loads the app in `page` and opens the bundled text `file` from the document list, then gives its
 * record and its exact text as the main process holds it.
 */
export async function openBundledText(page: Page, server: PreviewServer, project: OpenProject, file: string) {
  await page.goto(server.url);
  const document = project.store.overview().documents.find((d) => d.file === file)!;
  await page.click(`.document-button[data-document-id="${document.id}"]`);
  await page.waitForSelector('.text-host[data-ready]');
  return { document, text: (await project.store.openDocument(document.id)).text };
}

/** A document's segments as saved by the main process: [code id, quote] in text order. */
export async function savedCodings(project: OpenProject, documentId: string): Promise<string[][]> {
  return (await project.store.openDocument(documentId)).segments.map((s) => [s.codeId, s.quote]);
}
