/**
 * The renderer's services against the real main-process handlers over a real project in a
 * temporary folder (the preload's bridge is the handlers' dispatch): a change shows at once, is
 * pending until it is durable, and a change the main process refuses is rolled back and explained.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames, type WorkbenchApi } from '../../shared/ipc';
import { dispatch } from '../../electron/handlers/dispatch';
import { openProject, type OpenProject } from '../support/project';
import { segmentsFromColumns, type OpenedDocument } from '../../shared/ipc/documents';

let project: OpenProject;
let page: {
  store: typeof import('../../renderer/store');
  documents: typeof import('../../renderer/services/documents');
  segments: typeof import('../../renderer/services/segments');
};

beforeAll(async () => {
  project = await openProject();
  const api = Object.fromEntries(operationNames.map((name) => [name, (input: unknown) => dispatch(project.handlers, name, input)])) as unknown as WorkbenchApi;
  // The page's bridge, as the preload puts it on the window.
  (globalThis as { window?: unknown }).window = { workbench: { api, onCommand: () => () => undefined } };
  page = {
    store: await import('../../renderer/store'),
    documents: await import('../../renderer/services/documents'),
    segments: await import('../../renderer/services/segments'),
  };
  await (await import('../../renderer/services/overview')).loadProject();
  await page.documents.openDocument(project.store.overview().documents[0].id);
});

const state = () => page.store.getState();
const shown = (id: string) => state().open!.segments.find((s) => s.id === id);
const saved = async (id: string) => {
  const result = await dispatch(project.handlers, 'openDocument', { documentId: state().open!.document.id });
  if (!result.ok) throw new Error(result.error.message);
  const { document, text, segments } = result.value as OpenedDocument;
  return segmentsFromColumns(document.id, text, segments).find((s) => s.id === id);
};
const settled = () => vi.waitFor(() => expect(state().pending.size).toBe(0));

/** Codes the first long word that has a space on each side, selected with those spaces. */
function codeAWord(nth = 0): string {
  const text = state().open!.text;
  const words = [...text.matchAll(/ ([A-Za-z]{8,}) /g)];
  const { index } = words[nth];
  const before = new Set(state().open!.segments.map((s) => s.id));
  page.segments.applyCode('factual-claim', { start: index!, end: index! + words[nth][0].length });
  return state().open!.segments.find((s) => !before.has(s.id))!.id;
}

describe('the renderer services over the real handlers', () => {
  it('shows a coded passage at once, trimmed as the main process trims it, pending until it is on disk', async () => {
    const id = codeAWord();
    const segment = shown(id)!;
    expect(segment.quote).toMatch(/^[A-Za-z]{8,}$/); // the spaces selected with it are left out
    expect(state().pending.has(id)).toBe(true);
    expect(state().lastCodeId).toBe('factual-claim');
    await settled();
    expect(await saved(id)).toMatchObject({ start: segment.start, end: segment.end, codeId: 'factual-claim' });
    expect(state().saveError).toBeNull();
  });

  it('recodes at once and keeps the code once the main process has it', async () => {
    const id = codeAWord(1);
    await settled();
    page.segments.changeSegmentCode(id, 'opinion');
    expect(shown(id)!.codeId).toBe('opinion');
    await settled();
    expect((await saved(id))!.codeId).toBe('opinion');
  });

  it('puts a removed segment back, and says why, when the main process refuses the removal', async () => {
    const id = codeAWord(2);
    await settled();
    // Gone from the project behind the page's back: the page's removal is refused.
    await dispatch(project.handlers, 'removeSegment', { segmentId: id });
    page.segments.removeSegment(id);
    expect(shown(id)).toBeUndefined();
    await vi.waitFor(() => expect(state().message?.kind).toBe('error'));
    expect(shown(id)).toBeDefined();
    expect(state().pending.size).toBe(0);
  });

  it('sends edge moves one after another: the bounds on disk end as the page shows them', async () => {
    const id = codeAWord(3);
    await settled();
    const first = page.segments.adjustSegment(id, 'end', 1, true);
    const second = page.segments.adjustSegment(id, 'start', -1, true);
    expect(first && second).toBeTruthy();
    expect(shown(id)).toMatchObject(second!);
    await settled();
    expect(await saved(id)).toMatchObject(second!);
    expect(state().project!.history.undo).toMatch(/^Adjust/);
  });

  it('says a file over 50 MB (or a project over 500 MB) is too large before reading it, and imports the rest', async () => {
    const { importFiles } = await import('../../renderer/services/imports');
    const unread = (name: string, size: number) =>
      ({
        name,
        size,
        arrayBuffer: () => Promise.reject(new Error(`${name} was read`)),
        text: () => Promise.reject(new Error(`${name} was read`)),
      }) as unknown as File;
    const small = new File(['A short text to import.\n'], 'short.txt');
    const before = project.store.overview().documents.length;
    await importFiles([unread('huge.txt', 60 * 1024 * 1024), unread('huge.qdpx', 600 * 1024 * 1024), small]);
    expect(state().importReport).toEqual([
      'Imported 1 of 3 files.',
      'huge.txt is larger than 50 MB, the most that is imported.',
      'huge.qdpx is larger than 500 MB, the most that is imported.',
    ]);
    expect(project.store.overview().documents.length).toBe(before + 1);
  });

  it('writes the analysis report from the palette and the File menu, and says where it went', async () => {
    const { runMenuCommand } = await import('../../renderer/commands/menu');
    const { readFile } = await import('node:fs/promises');
    runMenuCommand('analysis-report');
    await vi.waitFor(() => expect(state().message?.text).toMatch(/^Wrote the analysis report to .*analysis-report-\d{4}-\d\d-\d\d\.html$/));
    const path = state().message!.text.replace('Wrote the analysis report to ', '');
    expect(await readFile(path, 'utf8')).toContain('<h2>Code × document matrix</h2>');
    expect(state().exporting).toBe(false);
  });
});
