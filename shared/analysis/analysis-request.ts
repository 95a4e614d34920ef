/**
 * One request for a figure of the Analysis area, as the page (through the contract) and the
 * command line ask for it, and the figure it answers with: the one place that maps a request to
 * its pure function.
 */
import type { AnalysisCorpus, AnalysisFilter } from './analysis-corpus';
import { codeDocumentMatrix, type CodeDocumentMatrix, type MatrixMeasure } from './code-document-matrix';
import { cooccurrence, overlapPassages, type Cooccurrence, type OverlapPassage, type Proximity } from './cooccurrence';
import { crosstab, type Crosstab, type CrosstabUnit } from './crosstab';
import { frequencies, type Frequencies } from './frequencies';
import { keywordsInContext, stopWordLanguage, wordFrequencies, type KeywordInContext, type WordCount } from './word-frequencies';
import type { Code } from '../model/codebook';
import { WorkbenchFailure } from '../model/failure';
import type { VariableDefinition } from '../model/variables';

export type AnalysisRequest = { filter: AnalysisFilter } & (
  | { figure: 'frequencies'; withSubcodes: boolean; words: boolean; variable: string | null }
  | { figure: 'cooccurrence'; proximity: Proximity; withSubcodes?: boolean; pairsOf?: { row: string; column: string } }
  | { figure: 'overlaps'; firstCodeId: string; secondCodeId: string }
  | { figure: 'matrix'; measure: MatrixMeasure; withSubcodes: boolean; variable: string | null }
  | { figure: 'crosstab'; variable: string; unit: CrosstabUnit; withSubcodes: boolean; codeIds: string[] | null }
  | { figure: 'words'; codeId: string | null; withSubcodes: boolean; language: string; languageVariable: string | null; dropStopWords: boolean }
  | { figure: 'kwic'; word: string; context: number; codeId: string | null; withSubcodes: boolean }
);

export type AnalysisFigure =
  | { figure: 'frequencies'; frequencies: Frequencies }
  | { figure: 'cooccurrence'; cooccurrence: Cooccurrence }
  | { figure: 'overlaps'; overlaps: OverlapPassage[] }
  | { figure: 'matrix'; matrix: CodeDocumentMatrix }
  | { figure: 'crosstab'; crosstab: Crosstab }
  | { figure: 'words'; words: WordCount[] }
  | { figure: 'kwic'; lines: KeywordInContext[] };

/**
 * Refuses a request that names a code or a variable the project does not have, or a stop-word
 * language without a list: the figures would otherwise come out empty or ungrouped, as if nothing
 * had been coded, rather than say what is wrong.
 */
export function checkAnalysisRequest(project: { codes: readonly Code[]; variables?: readonly VariableDefinition[] }, request: AnalysisRequest): void {
  const variables = project.variables ?? [];
  const variable = (name: string | null) => {
    if (name !== null && !variables.some((v) => v.name === name)) {
      throw new WorkbenchFailure('not-found', `There is no variable “${name}” (variables: ${variables.map((v) => v.name).join(', ') || 'none'}).`);
    }
  };
  const code = (id: string | null) => {
    if (id !== null && !project.codes.some((c) => c.id === id)) throw new WorkbenchFailure('not-found', `There is no code “${id}” in the codebook.`);
  };
  variable(request.filter.variable?.name ?? null);
  switch (request.figure) {
    case 'frequencies':
    case 'matrix':
      variable(request.variable);
      break;
    case 'cooccurrence':
      code(request.pairsOf?.row ?? null);
      code(request.pairsOf?.column ?? null);
      break;
    case 'overlaps':
      code(request.firstCodeId);
      code(request.secondCodeId);
      break;
    case 'crosstab':
      variable(request.variable);
      for (const id of request.codeIds ?? []) code(id);
      break;
    case 'words':
      code(request.codeId);
      variable(request.languageVariable);
      if (request.dropStopWords && !stopWordLanguage(request.language)) {
        throw new WorkbenchFailure('invalid-input', `There is no stop-word list for the language “${request.language}”: give an ISO code (en, de) or an English name (German).`);
      }
      break;
    case 'kwic':
      code(request.codeId);
      break;
  }
}

/** The figure a request asks for, over the corpus (already filtered by the request's filter). */
export function analysisFigure(corpus: AnalysisCorpus, request: AnalysisRequest): AnalysisFigure {
  switch (request.figure) {
    case 'frequencies':
      return { figure: 'frequencies', frequencies: frequencies(corpus, { withSubcodes: request.withSubcodes, words: request.words, variable: request.variable }) };
    case 'cooccurrence':
      return { figure: 'cooccurrence', cooccurrence: cooccurrence(corpus, request.proximity, request.withSubcodes ?? false) };
    case 'overlaps':
      return { figure: 'overlaps', overlaps: overlapPassages(corpus, request.firstCodeId, request.secondCodeId) };
    case 'matrix':
      return { figure: 'matrix', matrix: codeDocumentMatrix(corpus, request) };
    case 'crosstab':
      return { figure: 'crosstab', crosstab: crosstab(corpus, request) };
    case 'words':
      return { figure: 'words', words: wordFrequencies(corpus, request) };
    case 'kwic':
      return { figure: 'kwic', lines: keywordsInContext(corpus, request.word, request.context, request) };
  }
}
