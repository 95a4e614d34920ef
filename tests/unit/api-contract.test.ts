import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import * as contract from '../../shared/ipc';
import { operationNames, operations } from '../../shared/ipc';
import { openProject } from '../support/project';

describe('the API contract', () => {
  it('documents every operation', () => {
    for (const name of operationNames) expect(operations[name].doc.length, name).toBeGreaterThan(10);
  });

  it("declares each operation in exactly one feature's table, and the joined table holds them all", () => {
    const tables = Object.entries(contract).filter(([name]) => /^[a-z]+Operations$/.test(name)) as Array<[string, object]>;
    expect(tables.length).toBeGreaterThan(5);
    const declared = tables.flatMap(([, table]) => Object.keys(table));
    // A name in two tables would be silently overwritten where they are joined.
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...operationNames].sort());
    expect([...operationNames].sort()).toEqual([
      'addCode', 'addSegment', 'analysis', 'archiveProject', 'backUpNow', 'cancelJob', 'chooseFolder', 'closeProject', 'codeSearchHits', 'codeSpans', 'codeUsage', 'countSegments',
      'defineVariable', 'deleteCode', 'documentPortraits', 'exportAnalysisReport', 'exportAnalysisTable', 'exportCodebook', 'exportCoderFile', 'exportCsv', 'exportDataset', 'exportReliability',
      'forgetRecent', 'getProject', 'getSession', 'importCodebook', 'importCodebookFile', 'importCoderFile', 'importDocument',
      'importProject', 'jobProgress', 'listBackups', 'listPlaces', 'listSegmentIds', 'listSegments', 'mergeCodes', 'moveCode', 'newProject', 'openDocument',
      'openProject', 'redo', 'reliabilityReport', 'removeDocument', 'removeSegment', 'removeVariable', 'restoreBackup', 'retrieveSegments', 'saveAnalysisChart', 'searchCorpus', 'searchCorpusPage',
      'setBlind', 'setCoder', 'setDocumentValue', 'setProjectDetails', 'setSegmentBounds', 'setSegmentCode', 'setSegmentMemo',
      'settleDisagreement', 'sharedFolder', 'syncSharedFolder', 'undo', 'updateCode', 'updateDocument',
      'acceptSuggestion', 'corpusSuggestions', 'documentSuggestions', 'exportSuggestionModel', 'rejectSuggestion', 'setSuggestionSettings', 'suggestionSettings', 'suggestionStatus',
    ].sort());
  });

  const malformed: Array<[string, unknown]> = [
    ['addSegment', { documentId: 'x', codeId: 'opinion', start: 0, end: 5 }], // no id
    ['addSegment', { id: 'not-a-uuid', documentId: 'x', codeId: 'opinion', start: 0, end: 5 }],
    ['addSegment', { id: crypto.randomUUID(), documentId: 'x', codeId: 'opinion', start: -1, end: 5 }],
    ['addSegment', { id: crypto.randomUUID(), documentId: 'x', codeId: 'opinion', start: 0.5, end: 5 }],
    ['addSegment', { id: crypto.randomUUID(), documentId: 'x', codeId: 'Bad Code!', start: 0, end: 5 }],
    ['addSegment', { id: crypto.randomUUID(), documentId: 'x', codeId: 'opinion', start: 0, end: 5, extra: true }],
    ['addSegment', 'a string'],
    ['addSegment', [1, 2, 3]],
    ['setSegmentCode', { segmentId: 42, codeId: 'opinion' }],
    ['removeSegment', {}],
    ['exportCsv', { flavour: 'xml' }],
    ['openDocument', { documentId: '' }],
    ['getProject', { unexpected: 1 }],
    ['deleteEverything', {}],
    ['__proto__', {}],
    ['constructor', {}],
  ];

  it('rejects malformed input with a clear message and leaves the store unchanged', async () => {
    const { store, handlers } = await openProject();
    const before = await readFile(store.file, 'utf8');
    const overviewBefore = JSON.stringify(store.overview());
    for (const [name, input] of malformed) {
      const result = await dispatch(handlers, name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    }
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(JSON.stringify(store.overview())).toBe(overviewBefore);
    await store.close();
  });

  it('rejects well-formed calls that do not fit the project, with the store unchanged', async () => {
    const { store, handlers } = await openProject();
    const document = store.overview().documents[0];
    const before = await readFile(store.file, 'utf8');
    const id = crypto.randomUUID();
    const cases: Array<[string, unknown, string]> = [
      ['addSegment', { id, documentId: 'doc-none', codeId: 'opinion', start: 0, end: 5 }, 'not-found'],
      ['addSegment', { id, documentId: document.id, codeId: 'no-such-code', start: 2, end: 9 }, 'not-found'],
      ['addSegment', { id, documentId: document.id, codeId: 'opinion', start: 5, end: 5 }, 'empty-selection'],
      ['addSegment', { id, documentId: document.id, codeId: 'opinion', start: 0, end: 2 }, 'empty-selection'], // "\n\n"
      ['addSegment', { id, documentId: document.id, codeId: 'opinion', start: 0, end: 10 ** 7 }, 'invalid-input'],
      ['setSegmentCode', { segmentId: id, codeId: 'opinion' }, 'not-found'],
      ['removeSegment', { segmentId: id }, 'not-found'],
    ];
    for (const [name, input, code] of cases) {
      expect(await dispatch(handlers, name, input), name).toMatchObject({ ok: false, error: { code } });
    }
    expect(await readFile(store.file, 'utf8')).toBe(before);
    await store.close();
  });
});
