/**
 * The contract's operations for one feature. Work from elsewhere: projects of other programs,
 * other coders' files, a shared folder.
 */
import { CODER_FILE_MAX_CHARS } from '../exchange/coder-file';
import { FILE_NAME_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { IMPORT_MAX_BYTES } from '../exchange/file-kinds';
import { base64Bytes, jobId, operation } from './fields';
import type { ActionOutcome, ExportOutcome } from './outcomes';

/** What importing a project from another program did, and what it could not take over. */
export interface ProjectImportOutcome {
  /** The import as one action, or null when everything in the file was already here. */
  outcome: ActionOutcome | null;
  /** In words: what came in, how positions were read, and each thing left out, by name. */
  report: string[];
}

/** The operations on work from elsewhere: projects of other programs, other coders' files, a shared folder. */
export const exchangeOperations = {
  importProject: operation<ProjectImportOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(FILE_NAME_MAX_CHARS),
      /** The file's bytes, base64-encoded (at most 500 MB of bytes). */
      data: base64Bytes(IMPORT_MAX_BYTES.project),
      jobId: jobId.optional(),
    }),
    'Imports a REFI-QDA project (.qdpx, or a bare .qde) from another program as one action: documents, codes, coded segments with their coders, memos and variables.',
  ),
  exportCoderFile: operation<ExportOutcome>()(
    z.strictObject({}),
    "Asks where to save, then writes the current coder's file (<coder>.coder.json): their coded segments only, with the codebook and the documents by the hash of their text.",
  ),
  importCoderFile: operation<ProjectImportOutcome>()(
    z.strictObject({ name: z.string().min(1).max(FILE_NAME_MAX_CHARS), content: z.string().max(CODER_FILE_MAX_CHARS) }),
    "Merges another coder's file as one action: their segments here come to mirror it (added, changed, removed); other coders' segments are never touched.",
  ),
  syncSharedFolder: operation<ProjectImportOutcome>()(
    z.strictObject({}),
    "Writes the current coder's file into the project's shared folder (Dropbox, Syncthing, git; chosen with chooseFolder and remembered by the main process), then merges every other coder's file there as one action; never writes another file, never deletes. Refused ('not-found') while no folder has been chosen.",
  ),
  chooseFolder: operation<{ folder: string | null; available: boolean }>()(
    z.strictObject({
      purpose: z.enum(['shared-folder']),
      /** In the browser preview only: the name of a folder directly below its root folder (never a path). */
      place: z
        .string()
        .min(1)
        .max(FILE_NAME_MAX_CHARS)
        .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', { error: 'give a name without slashes' })
        .optional(),
    }),
    "Chooses the open project's shared folder, in the system's dialog (the app) or by a name below the preview's root, and remembers it for the project; `available` is false where neither can be offered, and `folder` null when cancelled.",
  ),
  sharedFolder: operation<{ folder: string | null }>()(
    z.strictObject({}),
    "The shared folder remembered for the open project (to show it), or null when none has been chosen.",
  ),
} as const;
