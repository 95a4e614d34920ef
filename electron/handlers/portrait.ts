/**
 * Handler of the corpus portrait: every document's strip, binned over the analysis corpus (the
 * segments the coder may see, blind coding applied as for the other figures), with its own cache of
 * per-text work kept while the project is open.
 */
import { AnalysisCache, analysisCorpus, NO_ANALYSIS_FILTER } from '../../shared/analysis/analysis-corpus';
import { documentPortraits } from '../../shared/analysis/portrait';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function portraitHandlers({ store }: HandlerContext): Pick<Handlers, 'documentPortraits'> {
  const cache = new AnalysisCache();
  return {
    documentPortraits: async ({ documentIds, bins }) => {
      const dataset = await store.dataset();
      const filter = { ...NO_ANALYSIS_FILTER, documentIds: documentIds ?? null };
      return documentPortraits(analysisCorpus(dataset, store.viewer, filter, cache), bins);
    },
  };
}
