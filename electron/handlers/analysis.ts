/**
 * Handler of the Analysis area's figures: each computed over the project's documents and the
 * segments the coder may see (blind coding hides the others'), with a cache of per-text work
 * (code-point and word indexes, paragraphs) kept while the project is open.
 */
import { AnalysisCache, analysisCorpus } from '../../shared/analysis/analysis-corpus';
import { analysisFigure, checkAnalysisRequest } from '../../shared/analysis/analysis-request';
import { cellPairsOnly } from '../../shared/analysis/cooccurrence';
import { analysisExportHandlers } from './analysis-exports';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function analysisHandlers(context: HandlerContext): Pick<Handlers, 'analysis' | 'exportAnalysisTable' | 'saveAnalysisChart' | 'exportAnalysisReport'> {
  const { store } = context;
  const cache = new AnalysisCache();
  return {
    ...analysisExportHandlers(context, cache),
    analysis: async (request) => {
      const dataset = await store.dataset();
      checkAnalysisRequest(dataset, request);
      const figure = analysisFigure(analysisCorpus(dataset, store.viewer, request.filter, cache), request);
      // The page lists the pairs of one cell at a time: it is sent those alone.
      if (figure.figure === 'cooccurrence' && request.figure === 'cooccurrence') return { ...figure, cooccurrence: cellPairsOnly(figure.cooccurrence, request.pairsOf ?? null) };
      return figure;
    },
  };
}
