import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ProjectStore } from '../../electron/project/project-store';
import { documentSummaries, codersOf } from '../../shared/views/project-overview';
import { shownTo } from '../../shared/views/blind-coding';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

function segmentInput(documentId: string, text: string, words: string, codeId = 'factual-claim') {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { id: randomUUID(), documentId, codeId, start, end: start + words.length };
}

const open = (folder: string) => ProjectStore.open({ folder, bundledDocuments: BUNDLED_DOCUMENTS, coder: 'ana' });

/** The overview's counts and coders, as a count of every segment the store holds would give them. */
async function expectCountsOfEverySegment(store: ProjectStore): Promise<void> {
  const overview = store.overview();
  const segments = [];
  for (const document of overview.documents) segments.push(...(await store.openDocument(document.id)).segments);
  const viewer = store.viewer;
  const counted = documentSummaries(store.documents, shownTo(viewer, segments));
  expect(overview.documents.map((d) => [d.id, d.segmentCount, d.segmentsByCoder])).toEqual(counted.map((d) => [d.id, d.segmentCount, d.segmentsByCoder]));
  expect(overview.coders).toEqual(codersOf(viewer.coder, segments));
  expect(store.coders).toEqual(overview.coders);
}

describe('the overview of a project', () => {
  it('keeps its segment counts right through adds, recodings, removals, undo and redo, by two coders, blind or not', async () => {
    const folder = join(await tempFolder(), 'project');
    const store = await open(folder);
    const [first, second] = store.overview().documents;
    const a = (await store.openDocument(first!.id)).text;
    const b = (await store.openDocument(second!.id)).text;
    await expectCountsOfEverySegment(store);
    const one = segmentInput(first!.id, a, 'WAR IN ARTSAKH');
    await store.addSegment(one);
    await store.addSegment(segmentInput(second!.id, b, 'Azerbaijan', 'opinion'));
    await expectCountsOfEverySegment(store);
    expect(store.overview().documents.find((d) => d.id === first!.id)).toMatchObject({ segmentCount: 1, segmentsByCoder: { ana: 1 } });
    await store.setCoder('bea');
    const two = segmentInput(first!.id, a, 'WAR IN ARTSAKH', 'opinion');
    await store.addSegment(two);
    await store.setSegmentCode({ segmentId: one.id, codeId: 'call-to-action' });
    await expectCountsOfEverySegment(store);
    expect(store.overview().documents.find((d) => d.id === first!.id)).toMatchObject({ segmentCount: 2, segmentsByCoder: { ana: 1, bea: 1 } });
    await store.removeSegment({ segmentId: one.id });
    await expectCountsOfEverySegment(store);
    expect(store.overview().documents.find((d) => d.id === first!.id)).toMatchObject({ segmentCount: 1, segmentsByCoder: { bea: 1 } });
    expect(store.overview().coders).toEqual(['ana', 'bea']);
    await store.setBlind(true);
    await expectCountsOfEverySegment(store);
    expect(store.overview().documents.find((d) => d.id === second!.id)).toMatchObject({ segmentCount: 0, segmentsByCoder: {} });
    for (let i = 0; i < 4; i++) {
      await store.undo();
      await expectCountsOfEverySegment(store);
    }
    expect(store.overview().documents.every((d) => d.segmentCount === 0)).toBe(true);
    await store.setBlind(false);
    for (let i = 0; i < 4; i++) {
      await store.redo();
      await expectCountsOfEverySegment(store);
    }
    expect(store.overview().documents.find((d) => d.id === first!.id)).toMatchObject({ segmentCount: 1, segmentsByCoder: { bea: 1 } });
    await store.close();
    // Opened again, the counts are made afresh from the file and the journal, and agree.
    const again = await open(folder);
    await expectCountsOfEverySegment(again);
    expect(again.overview().documents.find((d) => d.id === first!.id)).toMatchObject({ segmentCount: 1, segmentsByCoder: { bea: 1 } });
    await again.close();
  });
});
