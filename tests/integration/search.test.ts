import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/handlers';
import type { ActionOutcome, CorpusSearchResult } from '../../shared/api';
import { openProject } from '../support/project';

const value = <T>(result: unknown) => (result as { ok: true; value: T }).value;
const query = { pattern: 'Azerbaijan', regex: false, caseSensitive: true, wholeWord: true };

describe('searching the corpus and coding the hits', () => {
  it('counts hits per document with context, and codes them all as one undoable action', async () => {
    const { store, handlers } = await openProject();
    const found = value<CorpusSearchResult>(await dispatch(handlers, 'searchCorpus', { query }));
    let expected = 0;
    for (const document of store.overview().documents) {
      const text = await store.text(document.id);
      expected += text.match(/(?<![\p{L}\p{N}_])Azerbaijan(?![\p{L}\p{N}_])/gu)?.length ?? 0;
    }
    expect(found.total).toBe(expected);
    expect(found.documents.every((d) => d.hits.every((h) => h.match === 'Azerbaijan'))).toBe(true);

    const spans = found.documents.flatMap((d) => d.hits.map((h) => ({ documentId: d.documentId, start: h.start, end: h.end })));
    const coded = value<ActionOutcome>(await dispatch(handlers, 'codeSpans', { codeId: 'opinion', spans }));
    expect(coded.label).toBe(`Code ${spans.length} passages as opinion`);
    expect((await store.dataset()).segments).toHaveLength(spans.length);
    // Coding the same hits again adds nothing.
    expect(await dispatch(handlers, 'codeSpans', { codeId: 'opinion', spans })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // One undo takes them all back.
    await dispatch(handlers, 'undo', {});
    expect((await store.dataset()).segments).toHaveLength(0);
  });

  it('says when a regular expression is broken', async () => {
    const { handlers } = await openProject();
    expect(await dispatch(handlers, 'searchCorpus', { query: { ...query, pattern: '[a-', regex: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/regular expression does not work/) },
    });
  });
});
