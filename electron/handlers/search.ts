/**
 * The handlers of the search over the corpus (the search itself runs in services/corpus-search.ts):
 * every hit at once for the open document's highlights, the hits list a page at a time, and coding
 * every hit as one action. A search's per-document counts are kept for the next page of the same
 * search, so that a page far down the list searches only the documents it lies in.
 */
import { randomUUID } from 'node:crypto';
import { actionLabel } from '../../shared/edits/action-label';
import { codePassages } from '../../shared/edits/segments';
import { CODE_HITS_MAX } from '../../shared/ipc/search';
import { WorkbenchFailure } from '../../shared/model/failure';
import { compileSearch, findHits } from '../../shared/text/search';
import { collectPageHits, corpusSearchResult, type CorpusSearchPage, type ListedHit } from '../../shared/views/corpus-search';
import { searchTexts } from '../services/corpus-search';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done } from './outcome';

/** Why "code all hits" codes nothing: too many hits for one action. */
export const tooManyHits = (total: number) =>
  `The search finds ${total} hits; at most ${CODE_HITS_MAX} can be coded at once. Narrow the search (whole words, case, or fewer documents).`;
/** Why "code all hits" codes nothing: the documents changed since the hits were counted. */
export const hitsChanged = (expected: number, total: number) =>
  `The search now finds ${total} hits, not the ${expected} shown: nothing was coded. Look at the hits again before coding them.`;

/** Documents searched between two breaks in which other calls are answered. */
const YIELD_EVERY = 200;

export function searchHandlers({ store }: HandlerContext): Pick<Handlers, 'searchCorpus' | 'searchCorpusPage' | 'codeSearchHits'> {
  const chosen = (documentIds: readonly string[] | undefined) => {
    const wanted = documentIds && new Set(documentIds);
    return store.documents.filter((document) => !wanted || wanted.has(document.id));
  };
  /** The last search counted through: its query and documents, and its hits per document. */
  let counted: { key: string; counts: number[] } | null = null;
  /** The search asked for last, and a number for it: a count under way gives up when another search comes. */
  let latest = { key: '', number: 0 };

  return {
    searchCorpus: async ({ query, documentIds }) => {
      const documents = chosen(documentIds);
      const texts = await Promise.all(documents.map((document) => store.text(document.id)));
      const found = await searchTexts(texts, query);
      return corpusSearchResult(documents.map((document, i) => ({ id: document.id, title: document.title, text: texts[i]! })), found);
    },

    searchCorpusPage: async ({ query, documentIds, offset, limit, countAll }): Promise<CorpusSearchPage> => {
      compileSearch(query); // a broken pattern is refused before any text is read
      const documents = chosen(documentIds);
      const key = JSON.stringify([query, documents.map((document) => document.id)]);
      if (latest.key !== key) latest = { key, number: latest.number + 1 };
      const search = latest.number;
      const end = offset + limit;
      const hits: ListedHit[] = [];
      const page = (total: number, complete: boolean, counts: readonly number[]): CorpusSearchPage => ({
        total,
        complete,
        documentCount: counts.filter((n) => n > 0).length,
        offset,
        hits,
      });
      // Counted before: only the documents the page lies in are searched again.
      if (counted?.key === key) {
        const { counts } = counted;
        const lying: Array<{ document: (typeof documents)[number]; before: number }> = [];
        let before = 0;
        for (let i = 0; i < documents.length && before < end; i++) {
          const count = counts[i]!;
          if (count > 0 && before + count > offset) lying.push({ document: documents[i]!, before });
          before += count;
        }
        const texts = await Promise.all(lying.map(({ document }) => store.text(document.id)));
        // A regular expression runs in the worker, with its time limit, here too (not on this thread).
        const found = await searchTexts(texts, query);
        lying.forEach(({ document, before: start }, i) =>
          collectPageHits(hits, { id: document.id, title: document.title, text: texts[i]! }, found[i]!.hits, start, offset, end),
        );
        return page(counts.reduce((sum, n) => sum + n, 0), true, counts);
      }
      const counts: number[] = [];
      let before = 0;
      if (query.regex) {
        // A regular expression runs in the worker, with its time limit, over every text at once.
        const texts = await Promise.all(documents.map((document) => store.text(document.id)));
        const found = await searchTexts(texts, query);
        documents.forEach((document, i) => {
          const count = collectPageHits(hits, { id: document.id, title: document.title, text: texts[i]! }, found[i]!.hits, before, offset, end);
          counts.push(count);
          before += count;
        });
      } else {
        for (const [i, document] of documents.entries()) {
          // Asked for a page only: stop once it is found (the list shows it; the count comes next).
          if (!countAll && before >= end) return page(before, false, counts);
          // Now and then other calls are answered; a newer search (typed on) ends this count.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) {
            await new Promise((resolve) => setImmediate(resolve));
            if (search !== latest.number) return page(before, false, counts);
          }
          const text = await store.text(document.id);
          const count = collectPageHits(hits, { id: document.id, title: document.title, text }, findHits(text, query).hits, before, offset, end);
          counts.push(count);
          before += count;
        }
      }
      counted = { key, counts };
      return page(before, true, counts);
    },

    codeSearchHits: async ({ query, documentIds, codeId, expected }) => {
      const documents = chosen(documentIds);
      const texts = await Promise.all(documents.map((document) => store.text(document.id)));
      const found = await searchTexts(texts, query);
      const total = found.reduce((sum, inDocument) => sum + inDocument.hits.length, 0);
      if (total > CODE_HITS_MAX) throw new WorkbenchFailure('invalid-input', tooManyHits(total));
      // The researcher agreed to code the hits shown: a search that now finds others codes nothing.
      if (total !== expected) throw new WorkbenchFailure('conflict', hitsChanged(expected, total));
      const spans = documents.flatMap((document, i) => found[i]!.hits.map((hit) => ({ documentId: document.id, start: hit.start, end: hit.end })));
      const name = store.codebookState().codes.find((c) => c.id === codeId)?.name ?? codeId;
      const label = actionLabel`Code ${spans.length} passage${spans.length === 1 ? '' : 's'} as ${name}`;
      const byId = new Map(documents.map((document, i) => [document.id, texts[i]!]));
      return done(store, await store.edit((state, at) => codePassages(state, { codeId, spans, label }, byId, at, randomUUID)));
    },
  };
}
