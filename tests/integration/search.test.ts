import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome, CorpusSearchPage, CorpusSearchResult } from '../../shared/ipc';
import { CODE_HITS_MAX, SEARCH_OFFSET_MAX } from '../../shared/ipc/search';
import { RETRIEVAL_OFFSET_MAX } from '../../shared/ipc/segments';
import { findHits } from '../../shared/text/search';
import { NO_FILTER } from '../../shared/views/retrieval';
import { openProject } from '../support/project';
import { textFolder } from '../support/temp';
import { value } from '../support/builders';

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

  it('lists the hits a page at a time as the whole result has them, the first page found without searching to the end', async () => {
    const { handlers } = await openProject();
    for (const q of [{ ...query, pattern: 'the', caseSensitive: false, wholeWord: false }, { pattern: 'Azerbaijan\\w*', regex: true, caseSensitive: true, wholeWord: false }]) {
      const whole = value<CorpusSearchResult>(await dispatch(handlers, 'searchCorpus', { query: q }));
      const all = whole.documents.flatMap((d) => d.hits.map((hit) => ({ documentId: d.documentId, title: d.title, ...hit })));
      expect(all.length).toBeGreaterThan(10);
      const page = (offset: number, limit: number, countAll: boolean) =>
        dispatch(handlers, 'searchCorpusPage', { query: q, offset, limit, countAll }).then((result) => value<CorpusSearchPage>(result));
      const first = await page(0, 5, false);
      expect(first.hits).toEqual(all.slice(0, 5));
      if (!q.regex) {
        // A plain search asked for its first page stops there: it has not counted every hit yet.
        expect(first.complete).toBe(false);
        expect(first.total).toBeGreaterThanOrEqual(5);
        expect(first.total).toBeLessThan(all.length);
      }
      const counted = await page(0, 5, true);
      expect(counted).toMatchObject({ total: all.length, complete: true, documentCount: whole.documents.length, offset: 0 });
      // Later pages, across documents, and the last one (short), from the counts kept.
      for (const offset of [3, 7, Math.floor(all.length / 2), all.length - 2]) {
        const later = await page(offset, 4, false);
        expect(later).toMatchObject({ total: all.length, complete: true, offset });
        expect(later.hits).toEqual(all.slice(offset, offset + 4));
      }
    }
    expect(await dispatch(handlers, 'searchCorpusPage', { query: { ...query, pattern: '[a-', regex: true }, offset: 0, limit: 5, countAll: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('codes every hit of a search in the main process as one action that one undo takes back', async () => {
    const { store, handlers } = await openProject();
    const found = value<CorpusSearchResult>(await dispatch(handlers, 'searchCorpus', { query }));
    const coded = value<ActionOutcome>(await dispatch(handlers, 'codeSearchHits', { query, codeId: 'opinion', expected: found.total }));
    expect(coded.label).toBe(`Code ${found.total} passages as opinion`);
    const spans = (await store.dataset()).segments.map(({ documentId, start, end, quote }) => ({ documentId, start, end, quote }));
    expect(spans.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start)).toEqual(
      found.documents.flatMap((d) => d.hits.map((hit) => ({ documentId: d.documentId, start: hit.start, end: hit.end, quote: 'Azerbaijan' }))).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start),
    );
    await dispatch(handlers, 'undo', {});
    expect((await store.dataset()).segments).toHaveLength(0);
  });

  it('codes nothing when the search now finds another number of hits than the researcher was shown', async () => {
    const { store, handlers } = await openProject();
    const found = value<CorpusSearchResult>(await dispatch(handlers, 'searchCorpus', { query }));
    expect(found.total).toBeGreaterThan(1);
    for (const expected of [found.total - 1, found.total + 1]) {
      const refused = await dispatch(handlers, 'codeSearchHits', { query, codeId: 'opinion', expected });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`not the ${expected} shown`) } });
    }
    expect((await store.dataset()).segments).toHaveLength(0);
  });

  it('refuses to code more hits at once than its maximum, whatever was shown', async () => {
    const { store, handlers } = await openProject(undefined, await textFolder(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`long-${i}.txt`, 'ab '.repeat(4_000)]))));
    const every = { pattern: '.', regex: true, caseSensitive: false, wholeWord: false };
    const counted = value<CorpusSearchPage>(await dispatch(handlers, 'searchCorpusPage', { query: every, offset: 0, limit: 1, countAll: true }));
    expect(counted.total).toBeGreaterThan(CODE_HITS_MAX);
    const refused = await dispatch(handlers, 'codeSearchHits', { query: every, codeId: 'opinion', expected: CODE_HITS_MAX });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(`at most ${CODE_HITS_MAX}`) } });
    expect(await dispatch(handlers, 'codeSearchHits', { query: every, codeId: 'opinion', expected: CODE_HITS_MAX + 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await store.dataset()).segments).toHaveLength(0);
  });

  it('refuses pages that start beyond any list', async () => {
    const { handlers } = await openProject();
    expect(await dispatch(handlers, 'searchCorpusPage', { query, offset: SEARCH_OFFSET_MAX + 1, limit: 5, countAll: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(handlers, 'retrieveSegments', { filter: NO_FILTER, offset: RETRIEVAL_OFFSET_MAX + 1, limit: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(handlers, 'retrieveSegments', { filter: NO_FILTER, offset: RETRIEVAL_OFFSET_MAX, limit: 5 })).toMatchObject({ ok: true });
  });

  it('says when a regular expression is broken', async () => {
    const { handlers } = await openProject();
    expect(await dispatch(handlers, 'searchCorpus', { query: { ...query, pattern: '[a-', regex: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/regular expression does not work/) },
    });
  });

  it('stops a catastrophic regular expression and says so, answering other calls meanwhile', async () => {
    const { handlers } = await openProject();
    for (const pattern of ['(\\w+\\s?)+$', '(.*a){25}']) {
      const order: string[] = [];
      const started = Date.now();
      const search = dispatch(handlers, 'searchCorpus', { query: { ...query, pattern, regex: true, wholeWord: false } }).then((result) => {
        order.push('search');
        return result;
      });
      const other = dispatch(handlers, 'getProject', {}).then((result) => {
        order.push('getProject');
        return result;
      });
      expect(await other).toMatchObject({ ok: true, value: { documents: expect.any(Array) } });
      expect(await search).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/^The regular expression took longer than 1 s and was stopped; simplify it/) },
      });
      expect(order).toEqual(['getProject', 'search']);
      // Generous: it stops after its second, where it would otherwise run for minutes.
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });

  it('finds the same hits by regular expression as before, case and whole words included', async () => {
    const { store, handlers } = await openProject();
    for (const regexQuery of [
      { pattern: 'Azerbaijan\\w*', regex: true, caseSensitive: true, wholeWord: false },
      { pattern: 'karabakh|armenia', regex: true, caseSensitive: false, wholeWord: true },
    ]) {
      const found = value<CorpusSearchResult>(await dispatch(handlers, 'searchCorpus', { query: regexQuery }));
      const expected = [];
      for (const document of store.overview().documents) {
        const { hits } = findHits(await store.text(document.id), regexQuery);
        if (hits.length) expected.push({ documentId: document.id, hits });
      }
      expect(expected.length).toBeGreaterThan(1);
      expect(found.documents.map((d) => ({ documentId: d.documentId, hits: d.hits.map(({ start, end }) => ({ start, end })) }))).toEqual(expected);
    }
  });

  it('runs the search worker from the built preview, and stops a catastrophic pattern there too', async () => {
    const { folder, store } = await openProject();
    await store.close();
    const preview = spawn(process.execPath, [new URL('../../dist/electron/preview.cjs', import.meta.url).pathname, '--project', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        preview.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const printed = /Open (http\S+)/.exec(out);
          if (printed) resolve(new URL(printed[1]!));
        });
        preview.on('exit', (code) => reject(new Error(`the preview exited (${code})`)));
      });
      const token = url.hash.replace('#token=', '');
      const call = (name: string, input: unknown) =>
        fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': token }, body: JSON.stringify(input) }).then(
          (response) => response.json(),
        );
      const found = await call('searchCorpus', { query: { pattern: 'Azerbaijan\\w*', regex: true, caseSensitive: true, wholeWord: false } });
      expect(found).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
      expect(found.value.total).toBeGreaterThan(0);
      const order: string[] = [];
      const stuck = call('searchCorpus', { query: { pattern: '(.*a){25}', regex: true, caseSensitive: false, wholeWord: false } }).then((result) => {
        order.push('search');
        return result;
      });
      const other = call('getProject', {}).then((result) => {
        order.push('getProject');
        return result;
      });
      expect(await other).toMatchObject({ ok: true });
      expect(await stuck).toMatchObject({ ok: false, error: { message: expect.stringMatching(/took longer than 1 s and was stopped/) } });
      expect(order).toEqual(['getProject', 'search']);
    } finally {
      preview.kill('SIGTERM');
    }
  });
});
