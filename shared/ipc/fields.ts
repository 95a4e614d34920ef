/**
 * The fields the operations of the contract share (ids, offsets, a code's fields, a file's bytes)
 * and the way an operation is declared, so that each feature's operations check them alike.
 */
import { codeIdSchema, COLOUR_PATTERN } from '../model/codebook';
import { recordIdSchema } from '../model/fields';
import { CODE_DESCRIPTION_MAX_CHARS, CODE_NAME_MAX_CHARS, CODEBOOK_ENTRY_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';

export const documentId = recordIdSchema;
export const codeId = codeIdSchema;
export const colour = z.string().regex(COLOUR_PATTERN);
export const longText = z.string().max(CODEBOOK_ENTRY_MAX_CHARS);
/** The fields of a code a researcher edits (all optional in a patch). */
export const codeFields = z.strictObject({
  name: z.string().min(1).max(CODE_NAME_MAX_CHARS),
  colour,
  description: z.string().max(CODE_DESCRIPTION_MAX_CHARS),
  definition: longText,
  whenToUse: longText,
  whenNotToUse: longText,
  example: longText,
  key: z.string().length(1).nullable(),
  parentId: codeId.nullable(),
});
export const segmentId = z.uuid();
/** The page's name for a long export or import, so that it can follow it and cancel it. */
export const jobId = z.uuid();
export const offset = z.number().int().nonnegative().max(2 ** 31);
/**
 * A file's bytes in standard base64, padded. Checked strictly: a lenient decoder would turn a
 * damaged string into a garbage document instead of refusing it.
 */
export const base64Bytes = (maxBytes: number) =>
  z
    .string()
    // Base64 takes 4 characters for 3 bytes; the rest of the room is slack (the service checks the bytes).
    .max(maxBytes * 1.4, { error: `the file is larger than ${maxBytes / 1024 / 1024} MB, the most that is imported` })
    .refine((data) => data.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(data), { error: "the file's bytes are not valid base64" });

/** Declares an operation: its input schema, its result type and what it does. */
export function operation<R>() {
  return <I extends z.ZodType>(input: I, doc: string) => ({ input, doc, result: undefined as unknown as R });
}
