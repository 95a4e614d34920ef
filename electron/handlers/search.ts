/** The handler of the search over the corpus (the search itself runs in services/corpus-search.ts). */
import { corpusSearchResult } from '../../shared/views/corpus-search';
import { searchTexts } from '../services/corpus-search';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function searchHandlers({ store }: HandlerContext): Pick<Handlers, 'searchCorpus'> {
  return {
    searchCorpus: async ({ query, documentIds }) => {
      const wanted = documentIds && new Set(documentIds);
      const documents = store.documents.filter((document) => !wanted || wanted.has(document.id));
      const texts = await Promise.all(documents.map((document) => store.text(document.id)));
      const found = await searchTexts(texts, query);
      return corpusSearchResult(documents.map((document, i) => ({ id: document.id, title: document.title, text: texts[i]! })), found);
    },
  };
}
