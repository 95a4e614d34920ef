/**
 * The contract's operations for one feature. Suggestions learnt from the researcher's own coding
 * (shared/suggestions/): the project's switch and how suggestions are listed, the model's state and
 * quality, the suggestions for one document (the text's dotted marks) and across the corpus (the
 * panel), accepting one (a normal segment of the current coder, marked as from a suggestion),
 * rejecting one (remembered, and learnt from), and the model as a JSON file.
 *
 * Nothing here codes anything unasked: only `acceptSuggestion` makes a segment.
 */
import { codeIdSchema } from '../model/codebook';
import { SUGGESTION_ORDERS, SUGGESTION_THRESHOLD_MAX, SUGGESTION_THRESHOLD_MIN, type SuggestionSettings } from '../model/suggestion-settings';
import type { CodedSegment } from '../model/segments';
import { z } from '../model/zod';
import type { Suggestion } from '../suggestions/suggestions';
import type { CodeQuality } from '../suggestions/training';
import { codeId, documentId, jobId, offset, operation, segmentId } from './fields';
import type { ExportOutcome } from './outcomes';

/** The most suggestions one page of the corpus list holds. */
export const SUGGESTION_PAGE_MAX = 500;

export { SUGGESTION_ORDERS, type SuggestionOrder, type SuggestionSettings } from '../model/suggestion-settings';

/**
 * Where the model stands: `off` (the switch is off), `too-few` (no code has enough examples yet;
 * `quality` says how many each has and needs), `training` (a model is being learnt; the last one, if
 * any, still answers), `ready`, or `failed` (with `failure` saying why).
 */
export interface SuggestionStatus {
  enabled: boolean;
  state: 'off' | 'too-few' | 'training' | 'ready' | 'failed';
  /** When the model in use was trained (ISO time), or null when there is none. */
  trainedAt: string | null;
  /** How many segments the model in use learnt from. */
  trainedOn: number;
  /** Per code of the codebook: k-fold cross-validation figures, or why there are none. */
  quality: CodeQuality[];
  failure: string | null;
  /**
   * While the corpus's list is being made for a model (the first list of a model reads every
   * document): how many documents are read and how many there are; null otherwise.
   */
  listing: { done: number; total: number } | null;
}

/** A suggestion in the corpus list: where it is, the sentence's text, and its document's name. */
export interface ListedSuggestion extends Suggestion {
  documentName: string;
  /** The sentence's text (cut short to 400 characters, ending with "…" when cut). */
  quote: string;
}

/** One page of the corpus's suggestions, in the order asked, and how many there are in all. */
export interface SuggestionPage {
  suggestions: ListedSuggestion[];
  total: number;
  status: SuggestionStatus;
}

/** A sentence a suggestion was made on, and the code suggested. */
const suggestedSpan = z.strictObject({ documentId, codeId: codeIdSchema, start: offset, end: offset });

/** The operations on suggestions learnt from the researcher's own coding. */
export const suggestionsOperations = {
  suggestionSettings: operation<SuggestionSettings>()(z.strictObject({}), "The project's settings of suggestions (off in a new project)."),
  setSuggestionSettings: operation<SuggestionSettings>()(
    z.strictObject({
      enabled: z.boolean().optional(),
      order: z.enum(SUGGESTION_ORDERS).optional(),
      threshold: z.number().min(SUGGESTION_THRESHOLD_MIN).max(SUGGESTION_THRESHOLD_MAX).optional(),
    }),
    'Changes the settings (saved in the project at once); turning suggestions on starts training.',
  ),
  suggestionStatus: operation<SuggestionStatus>()(z.strictObject({}), "The model's state and each code's quality figures."),
  documentSuggestions: operation<Suggestion[]>()(
    z.strictObject({ documentId }),
    "The suggestions on one document's uncoded sentences, in text order (none when suggestions are off or no model is ready).",
  ),
  corpusSuggestions: operation<SuggestionPage>()(
    z.strictObject({
      /** Only this code's suggestions (null: every code's). */
      codeId: codeId.nullable(),
      order: z.enum(SUGGESTION_ORDERS),
      offset: z.number().int().nonnegative().max(10_000_000),
      limit: z.number().int().min(1).max(SUGGESTION_PAGE_MAX),
    }),
    "One page of the suggestions across the corpus, in the order asked, with the model's status.",
  ),
  acceptSuggestion: operation<CodedSegment>()(
    suggestedSpan.extend({ id: segmentId }),
    'Codes the suggested sentence as a segment of the current coder, marked as accepted from a suggestion; resolves once it is on disk (undone like any coding).',
  ),
  rejectSuggestion: operation<{ rejected: number }>()(
    suggestedSpan,
    'Remembers that the researcher rejected this code on this sentence (never suggested again; the model learns from it); says how many rejections the project keeps.',
  ),
  exportSuggestionModel: operation<ExportOutcome>()(
    z.strictObject({ jobId: jobId.optional() }),
    "Asks where to save, then writes the model in use as JSON, with the hashes of the segments it learnt from.",
  ),
} as const;
