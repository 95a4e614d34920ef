/**
 * Handlers of the codebook: adding, changing, moving, merging and deleting codes (each an
 * undoable action made by shared/codebook-edits.ts), and exporting and importing the codebook.
 */
import { randomBytes } from 'node:crypto';
import { nextCodeColour, type Code } from '../../shared/model/codebook';
import { codebookCsv } from '../../shared/exchange/codebook-csv';
import { addCode, blankCodeFields, codeUsage, deleteCode, mergeCodes, moveCode, updateCode } from '../../shared/edits/codebook';
import { codebookFile } from '../../shared/exchange/codebook-file';
import { type Edit } from '../../shared/model/changes';
import { exportFormatOf, suggestedFileName } from '../../shared/ipc/export-formats';
import { codebookImport } from '../services/project-exchange';
import { qdcText } from '../services/refi-qda';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { outcome } from './outcome';
import { codeIdFromHex } from '../../shared/model/code-ids';

type CodebookOperations =
  | 'addCode'
  | 'updateCode'
  | 'moveCode'
  | 'mergeCodes'
  | 'codeUsage'
  | 'deleteCode'
  | 'exportCodebook'
  | 'importCodebook'
  | 'importCodebookFile';

/** The writer of each codebook format (`exportCodebook`'s `format`; the file it suggests is in the export table). */
const CODEBOOK_WRITERS: Record<'json' | 'qdc' | 'csv', (codes: readonly Code[], projectId: string) => string> = {
  json: (codes) => `${JSON.stringify(codebookFile(codes), null, 2)}\n`,
  qdc: (codes, projectId) => qdcText(codes, projectId),
  csv: (codes) => codebookCsv(codes),
};

export function codebookHandlers({ store, now, day, saveAs }: HandlerContext): Pick<Handlers, CodebookOperations> {
  const edit = async (make: () => Edit & { notes?: string[] }) => {
    const made = make();
    return outcome(store, await store.applyEdit(made), 'forward', made.notes ?? []);
  };
  return {
    addCode: (fields) =>
      edit(() => {
        const state = store.codebookState();
        const taken = new Set(state.codes.map((code) => code.id));
        return addCode(state, codeIdFromHex(randomBytes(5).toString('hex'), taken), {
          ...blankCodeFields(fields.name, nextCodeColour(state.codes)),
          ...fields,
        });
      }),
    updateCode: ({ id, patch }) => edit(() => updateCode(store.codebookState(), id, patch)),
    moveCode: ({ id, toIndex }) => edit(() => moveCode(store.codebookState(), id, toIndex)),
    mergeCodes: ({ sourceId, targetId }) => edit(() => mergeCodes(store.codebookState(), sourceId, targetId, now().toISOString())),
    codeUsage: ({ id }) => codeUsage(store.codebookState(), id),
    deleteCode: ({ id, disposal }) => edit(() => deleteCode(store.codebookState(), id, disposal, now().toISOString())),
    exportCodebook: async ({ format }) => {
      const codes = store.codebookState().codes;
      const exported = exportFormatOf('exportCodebook', { format });
      const path = await saveAs(suggestedFileName(exported, day()), exported.fileKind, null, () => CODEBOOK_WRITERS[format](codes, store.projectId));
      return { path, rows: path ? codes.length : 0 };
    },
    importCodebook: ({ json }) => edit(() => codebookImport(store, 'codebook.json', json)),
    importCodebookFile: ({ name, content }) => edit(() => codebookImport(store, name, content)),
  };
}
