/**
 * The set-up of end-to-end tests about projects themselves: a temporary root folder (the preview's
 * `--root`), a `ProjectSession` that makes and opens projects only below it (with the bundled texts
 * as the sample), the preview server over `createHandlers({ session, chooseSavePath })`, and
 * Chromium. Unlike `workbench.ts`, no project is open at the start: the page shows the start screen.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createHandlers, type ChooseSavePath } from '../../electron/handlers/handlers';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { placesBelow } from '../../electron/services/project-places';
import { ProjectSession } from '../../electron/services/project-session';
import { RECENT_FILE } from '../../electron/services/recent-projects';
import { launchChromium, watchForProblems } from './browser';
import { BUNDLED_DOCUMENTS, tempFolder } from './temp';
import { RENDERER } from './workbench';

export interface SessionBench {
  readonly browser: Browser;
  readonly server: PreviewServer;
  readonly session: ProjectSession;
  /** The folder below which the page makes and opens projects. */
  readonly root: string;
  /** Where exports and archives go unless a test answers the save dialog itself. */
  readonly exportsFolder: string;
  /** Answers the next save dialogs (an archive's); the exports folder's by default. */
  chooseSavePath: ChooseSavePath;
  /** A new page on the app, loaded (the start screen or the workspace), with page errors and CSP violations in `problems`. */
  newPage(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; locale?: string }): Promise<{ page: Page; problems: string[] }>;
}

/** Where the page is drawn: the start screen, or the workspace of an open project. */
export const PAGE_DRAWN = '.start-screen, .document-button, .documents .empty, .app .empty';

export function setUpSession(options: { backups?: false; /** Written as the user data's recent list before the session starts. */ recentFile?: string } = {}): SessionBench {
  let browser: Browser;
  let server: PreviewServer;
  let session: ProjectSession;
  let root: string;
  let exportsFolder: string;
  const bench: SessionBench = {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    get session() {
      return session;
    },
    get root() {
      return root;
    },
    get exportsFolder() {
      return exportsFolder;
    },
    chooseSavePath: async () => null,
    async newPage({ width = 1400, height = 900, colorScheme = 'light', locale } = {}) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, locale });
      const problems = await watchForProblems(page);
      await page.goto(server.url);
      await page.waitForSelector(PAGE_DRAWN);
      return { page, problems };
    },
  };
  beforeAll(async () => {
    browser = await launchChromium();
    const base = await tempFolder('workbench-session-');
    root = join(base, 'projects');
    exportsFolder = join(base, 'exports');
    await mkdir(root);
    await mkdir(join(base, 'user-data'));
    if (options.recentFile !== undefined) await writeFile(join(base, 'user-data', RECENT_FILE), options.recentFile);
    bench.chooseSavePath = saveIntoFolder(exportsFolder);
    session = await ProjectSession.start({
      userData: join(base, 'user-data'),
      bundledDocuments: BUNDLED_DOCUMENTS,
      chooser: placesBelow(root),
      coder: 'ana',
      ...(options.backups === false ? { backups: false as const } : {}),
    });
    const handlers = createHandlers({ session, chooseSavePath: (name, kind) => bench.chooseSavePath(name, kind) });
    server = await startPreviewServer({ handlers, rendererFolder: RENDERER });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await session?.shutdown();
  });
  return bench;
}
