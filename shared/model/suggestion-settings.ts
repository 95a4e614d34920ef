/**
 * What a project keeps of the suggestions learnt from its own coding (shared/suggestions/): the
 * switch and how suggestions are listed, and the suggestions the researcher rejected (each a
 * sentence and a code: never suggested again, and learnt from as a negative of that code).
 *
 * Both have defaults in the project file's schema, so a project written before suggestions
 * existed opens with them off and nothing rejected, without a new schema version.
 */
import { codeIdSchema } from './codebook';
import { recordIdSchema } from './fields';
import { z } from './zod';

/** How suggestions are listed: most likely first, or the ones the model is least sure of first. */
export const SUGGESTION_ORDERS = ['confidence', 'uncertainty'] as const;
export type SuggestionOrder = (typeof SUGGESTION_ORDERS)[number];

/** The least and most probability a project may ask suggestions to reach. */
export const SUGGESTION_THRESHOLD_MIN = 0.5;
export const SUGGESTION_THRESHOLD_MAX = 0.99;

/** The project's settings of suggestions (kept in the project file; off in a new project). */
export interface SuggestionSettings {
  enabled: boolean;
  order: SuggestionOrder;
  /** The least probability shown (0.5–0.99). */
  threshold: number;
}

/** Off, most likely first, and only what the model finds clearly likely. */
export const DEFAULT_SUGGESTION_SETTINGS: SuggestionSettings = { enabled: false, order: 'confidence', threshold: 0.7 };

export const suggestionSettingsSchema = z.object({
  enabled: z.boolean().default(DEFAULT_SUGGESTION_SETTINGS.enabled),
  order: z.enum(SUGGESTION_ORDERS).default(DEFAULT_SUGGESTION_SETTINGS.order),
  threshold: z.number().min(SUGGESTION_THRESHOLD_MIN).max(SUGGESTION_THRESHOLD_MAX).default(DEFAULT_SUGGESTION_SETTINGS.threshold),
});

/** A suggestion the researcher rejected: this code on this passage (UTF-16 offsets, end exclusive). */
export interface RejectedSuggestion {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
}

const offsetSchema = z.number().int().nonnegative();

export const rejectedSuggestionSchema = z
  .object({ documentId: recordIdSchema, codeId: codeIdSchema, start: offsetSchema, end: offsetSchema })
  .refine((span) => span.end > span.start, { message: 'a rejected suggestion ends after it starts' });

/** True when two rejections name the same code on the same passage. */
export function sameRejection(a: RejectedSuggestion, b: RejectedSuggestion): boolean {
  return a.documentId === b.documentId && a.codeId === b.codeId && a.start === b.start && a.end === b.end;
}
