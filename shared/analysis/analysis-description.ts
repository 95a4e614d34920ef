/**
 * A figure's request said in words, for the files that carry it away from the program (the
 * workbook's "About" sheet, the HTML report): which documents, coders and variable values were
 * counted, and the options the figure was computed with. English, as the other exports' words.
 */
import type { AnalysisFilter } from './analysis-corpus';
import type { AnalysisRequest } from './analysis-request';
import type { Proximity } from './cooccurrence';

/** A line of a description: what, and its setting. */
export type DescriptionLine = [label: string, value: string];

/** What each figure is called. */
export const FIGURE_NAMES: Record<AnalysisRequest['figure'], string> = {
  frequencies: 'Frequencies',
  cooccurrence: 'Code co-occurrence',
  overlaps: 'AND query (overlapping passages)',
  matrix: 'Code × document matrix',
  crosstab: 'Group comparison (crosstab)',
  words: 'Word frequencies',
  kwic: 'Keywords in context',
};

/** The sentence every file states: how offsets and lengths are counted. */
export const CODE_POINTS_NOTE = 'Offsets and characters are counted in Unicode code points.';

const listed = (items: readonly string[], shown = 20) =>
  items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;

/** The filter in words; `titleOf` names a document by its id (its title), when known. */
export function filterDescription(filter: AnalysisFilter, titleOf: (documentId: string) => string | undefined = () => undefined): DescriptionLine[] {
  const documents = filter.documentIds;
  return [
    ['Documents', documents === null ? 'all' : `${documents.length} chosen: ${listed(documents.map((id) => titleOf(id) ?? id))}`],
    ['Coders', filter.coders === null ? 'all' : listed(filter.coders)],
    [
      'Document variable',
      filter.variable === null ? 'any value' : `${filter.variable.name} is ${listed(filter.variable.values.map((v) => (v === '' ? '(no value)' : v)))}`,
    ],
  ];
}

/** How near two segments must lie to count as meeting, in words. */
export function proximityDescription(proximity: Proximity): string {
  switch (proximity.kind) {
    case 'overlap':
      return 'the segments overlap';
    case 'paragraph':
      return proximity.breaks === 'line' ? 'in the same line' : 'in the same paragraph (blocks between blank lines)';
    case 'distance':
      return `within ${proximity.characters} characters`;
  }
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The options of a request in words (the filter apart). */
export function optionDescription(request: AnalysisRequest): DescriptionLine[] {
  switch (request.figure) {
    case 'frequencies':
      return [
        ['Sub-codes summed into their parents', yesNo(request.withSubcodes)],
        ['Words counted', yesNo(request.words)],
        ['Split by variable', request.variable ?? 'none'],
      ];
    case 'cooccurrence':
      return [
        ['Segments meet when', proximityDescription(request.proximity)],
        ['Sub-codes summed into their parents', yesNo(request.withSubcodes ?? false)],
      ];
    case 'overlaps':
      return [['Codes', `${request.firstCodeId} and ${request.secondCodeId}`]];
    case 'matrix':
      return [
        ['Measure', request.measure === 'share' ? "share of the document's characters" : 'segments'],
        ['Sub-codes summed into their parents', yesNo(request.withSubcodes)],
        ['Grouped by variable', request.variable ?? 'none'],
      ];
    case 'crosstab':
      return [
        ['Variable', request.variable],
        ['Counted', request.unit],
        ['Sub-codes summed into their parents', yesNo(request.withSubcodes)],
        ['Codes', request.codeIds === null ? 'all' : listed(request.codeIds)],
        ['Test', "Pearson's χ² without continuity correction; Fisher's exact test for 2 × 2"],
      ];
    case 'words':
      return [
        ['Code', request.codeId ?? 'all coded passages'],
        ['Sub-codes included', yesNo(request.withSubcodes)],
        ['Language', request.languageVariable ? `from the variable ${request.languageVariable} (else ${request.language})` : request.language],
        ['Stop-words left out', yesNo(request.dropStopWords)],
      ];
    case 'kwic':
      return [
        ['Word', request.word],
        ['Context', `${request.context} characters each side`],
        ['Code', request.codeId ?? 'all coded passages'],
        ['Sub-codes included', yesNo(request.withSubcodes)],
      ];
  }
}
