/**
 * The codebook as a file of its own (JSON): every code with its full path, in codebook order, and
 * the check of such a file when it is imported again.
 */
import { codePath, codeSchema, type Code } from '../model/codebook';
import { z } from '../model/zod';

/** The codebook file format (JSON). */
export const CODEBOOK_FORMAT = 'annotation-workbench/codebook';

export interface CodebookFile {
  format: typeof CODEBOOK_FORMAT;
  version: 1;
  codes: Array<Code & { path: string }>;
}

/** The codebook as a file: every code with its full path, in codebook order. */
export function codebookFile(codes: readonly Code[]): CodebookFile {
  return { format: CODEBOOK_FORMAT, version: 1, codes: codes.map((code) => ({ ...code, path: codePath(codes, code.id) })) };
}

/** The check of a codebook file read back (the path is optional: the ids and parents place each code). */
export const codebookFileSchema = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.literal(1),
  codes: z.array(codeSchema.extend({ path: z.string().optional() })).max(10000),
});
