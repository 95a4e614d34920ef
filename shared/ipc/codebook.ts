/**
 * The contract's operations for one feature. The codebook: adding, changing, moving, merging and
 * deleting codes; its files in and out.
 */
import { FILE_NAME_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { codeFields, codeId, operation } from './fields';
import type { ActionOutcome, ExportOutcome } from './outcomes';

/** The operations on the codebook: adding, changing, moving, merging and deleting codes; its files in and out. */
export const codebookOperations = {
  addCode: operation<ActionOutcome>()(
    codeFields.partial().required({ name: true }),
    'Adds a code at the end of the codebook (under parentId, if given).',
  ),
  updateCode: operation<ActionOutcome>()(
    z.strictObject({ id: codeId, patch: codeFields.partial() }),
    "Changes a code's name, colour, description, codebook entry, key or parent.",
  ),
  moveCode: operation<ActionOutcome>()(
    z.strictObject({ id: codeId, toIndex: z.number().int().nonnegative().max(100000) }),
    "Moves a code to a new place in the codebook's order.",
  ),
  mergeCodes: operation<ActionOutcome>()(
    z.strictObject({ sourceId: codeId, targetId: codeId }),
    'Merges one code into another: its segments move (duplicates collapse), its sub-codes follow.',
  ),
  codeUsage: operation<{ segments: number; subcodes: number }>()(
    z.strictObject({ id: codeId }),
    'How many segments carry a code and how many codes sit under it (shown before deleting it).',
  ),
  deleteCode: operation<ActionOutcome>()(
    z.strictObject({
      id: codeId,
      disposal: z.discriminatedUnion('segments', [
        z.strictObject({ segments: z.literal('remove') }),
        z.strictObject({ segments: z.literal('move'), to: codeId }),
      ]),
    }),
    'Deletes a code, removing its segments or moving them to another code; its sub-codes move up.',
  ),
  exportCodebook: operation<ExportOutcome>()(
    z.strictObject({ format: z.enum(['json', 'qdc', 'csv']).default('json') }),
    'Asks where to save, then writes the codebook as JSON (every code with its full path), REFI-QDA (.qdc) or CSV.',
  ),
  importCodebook: operation<ActionOutcome>()(
    z.strictObject({ json: z.string().max(10_000_000) }),
    'Imports a codebook JSON file (as exported): known codes are updated, new ones added.',
  ),
  importCodebookFile: operation<ActionOutcome>()(
    z.strictObject({ name: z.string().min(1).max(FILE_NAME_MAX_CHARS), content: z.string().max(20_000_000) }),
    'Imports a codebook from a file by its kind (.json as exported, REFI-QDA .qdc, or a .csv table): codes are matched by path, updated or added.',
  ),
} as const;
