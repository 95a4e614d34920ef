/**
 * The contract's operations for one feature. Analysis: the figures of the Analysis area
 * (frequencies, co-occurrence and the AND query, the code × document matrix, the crosstab, word
 * lists and keywords in context), computed in the main process over the segments the coder may see.
 */
import type { AnalysisFigure } from '../analysis/analysis-request';
import { CODER_NAME_MAX_CHARS, VARIABLE_NAME_MAX_CHARS, VARIABLE_VALUE_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { codeId, documentId, operation } from './fields';

const variableName = z.string().min(1).max(VARIABLE_NAME_MAX_CHARS);
const codeIds = z.array(codeId).max(10000);

/** Which documents and segments a figure counts (null: no limit). */
const analysisFilter = z.strictObject({
  documentIds: z.array(documentId).max(100000).nullable(),
  coders: z.array(z.string().min(1).max(CODER_NAME_MAX_CHARS)).max(1000).nullable(),
  variable: z.strictObject({ name: variableName, values: z.array(z.string().max(VARIABLE_VALUE_MAX_CHARS)).max(1000) }).nullable(),
});

const proximity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('overlap') }),
  z.strictObject({ kind: z.literal('paragraph'), breaks: z.enum(['blank-line', 'line']) }),
  z.strictObject({ kind: z.literal('distance'), characters: z.number().int().min(0).max(1_000_000) }),
]);

const analysisRequest = z.discriminatedUnion('figure', [
  z.strictObject({ figure: z.literal('frequencies'), filter: analysisFilter, withSubcodes: z.boolean(), words: z.boolean(), variable: variableName.nullable() }),
  z.strictObject({ figure: z.literal('cooccurrence'), filter: analysisFilter, proximity }),
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

/** The operations of the Analysis area. */
export const analysisOperations = {
  analysis: operation<AnalysisFigure>()(
    analysisRequest,
    'One figure of the Analysis area (frequencies, co-occurrence, the AND query, the code × document matrix, a crosstab with its tests, word frequencies, keywords in context) over the filtered segments the coder may see; offsets and characters in code points.',
  ),
} as const;
