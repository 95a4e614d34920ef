/** Handlers of the exchange between coders: one's coder file out, others' files in, a shared folder synced. */
import { coderFileJson, coderFileName } from '../../shared/exchange/coder-file';
import { exportFormat } from '../../shared/ipc/export-formats';
import { coderFileFor, importCoderFile, syncSharedFolder } from '../services/coder-exchange';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { outcome } from './outcome';

export function coderHandlers({ store, now, saveAs }: HandlerContext): Pick<Handlers, 'exportCoderFile' | 'importCoderFile' | 'syncSharedFolder'> {
  return {
    exportCoderFile: async () => {
      const file = coderFileFor(store, now());
      const path = await saveAs(coderFileName(file.coder), exportFormat('coder-file').fileKind, null, () => coderFileJson(file));
      return { path, rows: path ? file.segments.length : 0 };
    },
    importCoderFile: async ({ name, content }) => {
      const result = await importCoderFile(store, name, content, now());
      return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
    },
    syncSharedFolder: async ({ folder }) => {
      const result = await syncSharedFolder(store, folder, now());
      return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
    },
  };
}
