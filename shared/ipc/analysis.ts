/**
 * The contract's operations for one feature. Analysis: the figures of the Analysis area
 * (frequencies, co-occurrence and the AND query, the code × document matrix, the crosstab, word
 * lists and keywords in context), computed in the main process over the segments the coder may see.
 */
import type { AnalysisFigure } from '../analysis/analysis-request';
import { CODER_NAME_MAX_CHARS, VARIABLE_NAME_MAX_CHARS, VARIABLE_VALUE_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { codeId, documentId, jobId, operation } from './fields';
import type { ExportOutcome } from './outcomes';

const variableName = z.string().min(1).max(VARIABLE_NAME_MAX_CHARS);
const codeIds = z.array(codeId).max(10000);

/** Which documents and segments a figure counts (null: no limit). */
export const analysisFilter = z.strictObject({
  documentIds: z.array(documentId).max(100000).nullable(),
  coders: z.array(z.string().min(1).max(CODER_NAME_MAX_CHARS)).max(1000).nullable(),
  variable: z.strictObject({ name: variableName, values: z.array(z.string().max(VARIABLE_VALUE_MAX_CHARS)).max(1000) }).nullable(),
});

const proximity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('overlap') }),
  z.strictObject({ kind: z.literal('paragraph'), breaks: z.enum(['blank-line', 'line']) }),
  z.strictObject({ kind: z.literal('distance'), characters: z.number().int().min(0).max(1_000_000) }),
]);

/** One figure of the Analysis area, as the page asks for it. */
export const analysisRequest = z.discriminatedUnion('figure', [
  z.strictObject({ figure: z.literal('frequencies'), filter: analysisFilter, withSubcodes: z.boolean(), words: z.boolean(), variable: variableName.nullable() }),
  z.strictObject({
    figure: z.literal('cooccurrence'),
    filter: analysisFilter,
    proximity,
    /** Each code counts its sub-codes' segments too (false when left out). */
    withSubcodes: z.boolean().optional(),
    /** The cell (row and column codes) whose pairs the answer carries; the others carry their counts alone. */
    pairsOf: z.strictObject({ row: codeId, column: codeId }).optional(),
  }),
  z.strictObject({ figure: z.literal('overlaps'), filter: analysisFilter, firstCodeId: codeId, secondCodeId: codeId }),
  z.strictObject({ figure: z.literal('matrix'), filter: analysisFilter, measure: z.enum(['segments', 'share']), withSubcodes: z.boolean(), variable: variableName.nullable() }),
  z.strictObject({
    figure: z.literal('crosstab'),
    filter: analysisFilter,
    variable: variableName,
    unit: z.enum(['segments', 'documents']),
    withSubcodes: z.boolean(),
    codeIds: codeIds.nullable(),
  }),
  z.strictObject({
    figure: z.literal('words'),
    filter: analysisFilter,
    codeId: codeId.nullable(),
    withSubcodes: z.boolean(),
    language: z.string().min(1).max(40),
    languageVariable: variableName.nullable(),
    dropStopWords: z.boolean(),
  }),
  z.strictObject({
    figure: z.literal('kwic'),
    filter: analysisFilter,
    word: z.string().min(1).max(200),
    context: z.number().int().min(0).max(1000),
    codeId: codeId.nullable(),
    withSubcodes: z.boolean(),
  }),
]);

/** The largest chart file the page may hand over to be saved: an SVG's characters, a PNG's bytes. */
export const CHART_MAX_SVG_CHARS = 20 * 1024 * 1024;
export const CHART_MAX_PNG_BYTES = 40 * 1024 * 1024;

/** The operations of the Analysis area. */
export const analysisOperations = {
  analysis: operation<AnalysisFigure>()(
    analysisRequest,
    'One figure of the Analysis area (frequencies, co-occurrence, the AND query, the code × document matrix, a crosstab with its tests, word frequencies, keywords in context) over the filtered segments the coder may see; offsets and characters in code points.',
  ),
  exportAnalysisTable: operation<ExportOutcome>()(
    z.strictObject({
      request: analysisRequest,
      /** Which of the figure's tables: its main one (the default), co-occurrence's segment pairs, or frequencies per document. */
      table: z.enum(['main', 'pairs', 'documents']).optional(),
      format: z.enum(['csv', 'xlsx']),
      jobId: jobId.optional(),
    }),
    'Asks where to save, computes the figure and writes its table as CSV (UTF-8 without BOM) or as an Excel workbook (the table, numbers as numbers, and a sheet "About" with the filter, the options and the date); offsets and characters in code points.',
  ),
  saveAnalysisChart: operation<ExportOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(200),
      format: z.enum(['svg', 'png']),
      /** The SVG's text, or the PNG's bytes in base64 (without a data: prefix). */
      content: z.string().min(1).max(Math.ceil((CHART_MAX_PNG_BYTES * 4) / 3) + 4),
    }),
    'Asks where to save, then writes a chart the page drew: an SVG (one <svg> root in the SVG namespace, without scripts, event attributes, foreignObject or external references) or a PNG (base64); anything else is refused.',
  ),
  exportAnalysisReport: operation<ExportOutcome>()(
    z.strictObject({
      filter: analysisFilter,
      /** The document variable whose groups are compared (null or left out: each variable). */
      variable: variableName.nullable().optional(),
      jobId: jobId.optional(),
    }),
    'Asks where to save, then writes the analysis report: one self-contained HTML file (no scripts, no remote content) with the codebook, frequencies, co-occurrence, the code × document matrix, group comparisons and, with several coders, their agreement; the filter and the date stated.',
  ),
} as const;
