/**
 * The store's cheap readers: the coder, the coders, the documents and the project's name read
 * one field each, and the services that need only those never ask for the whole overview (which
 * counts every segment of the project).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { chooseSharedFolder, openProject, segmentInput, type OpenProject } from '../support/project';
import { tempFolder } from '../support/temp';

let project: OpenProject | null = null;
afterEach(async () => {
  await project?.store.close();
  project = null;
});

async function codedProject(): Promise<OpenProject> {
  const opened = await openProject();
  const document = opened.store.documents[0]!;
  const text = await opened.store.text(document.id);
  await opened.store.addSegment(segmentInput(document.id, text, text.slice(0, 20).trim()));
  // A second coder, so that there is agreement to measure.
  await opened.store.setCoder('ben');
  await opened.store.addSegment(segmentInput(document.id, text, text.slice(0, 30).trim()));
  return opened;
}

describe('the project store', () => {
  it('reads the coder, the coders, the documents and the name as the overview gives them', async () => {
    project = await codedProject();
    const { store } = project;
    const overview = store.overview();
    expect(store.coder).toBe(overview.coder);
    expect(store.coders).toEqual(overview.coders);
    expect(store.name).toBe(overview.name);
    expect(store.notices).toEqual(overview.notices);
    expect(store.documents.map((d) => d.id)).toEqual(overview.documents.map((d) => d.id));
    expect(store.historyLabels()).toEqual(overview.history);
  });

  it('answers searches, exports, coder files and agreement without counting every segment', async () => {
    project = await codedProject();
    const { store, handlers } = project;
    const overview = vi.spyOn(store, 'overview');
    const sharedFolder = await tempFolder();
    await chooseSharedFolder(project, sharedFolder);
    const selection = { coders: ['ana', 'ben'], documentIds: [store.documents[0]!.id], codeIds: ['factual-claim'], minOverlap: 90 };
    const calls: Array<() => ReturnType<typeof dispatch>> = [
      () => dispatch(handlers, 'searchCorpus', { query: { pattern: 'the', regex: false, caseSensitive: false, wholeWord: false } }),
      () => dispatch(handlers, 'exportDataset', { format: 'qdpx' }),
      () => dispatch(handlers, 'exportDataset', { format: 'datapackage' }),
      () => dispatch(handlers, 'exportCoderFile', {}),
      () => dispatch(handlers, 'syncSharedFolder', {}),
      () => dispatch(handlers, 'reliabilityReport', selection),
      () => dispatch(handlers, 'exportReliability', { format: 'html', selection, codeId: null }),
    ];
    for (const call of calls) {
      const result = await call();
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    expect(overview).not.toHaveBeenCalled();
  });
});
