/**
 * Handlers of the exchange between coders: one's coder file out, others' files in, and the
 * project's shared folder: chosen in the system's dialog (or by a name below the preview's root),
 * remembered by the main process, synced. The page never names a path.
 */
import { coderFileJson, coderFileName } from '../../shared/exchange/coder-file';
import { exportFormat } from '../../shared/ipc/export-formats';
import { WorkbenchFailure } from '../../shared/model/failure';
import { coderFileFor, importCoderFile, syncSharedFolder } from '../services/coder-exchange';
import { SharedFolders } from '../services/shared-folders';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { outcome } from './outcome';

type CoderOperations = 'exportCoderFile' | 'importCoderFile' | 'syncSharedFolder' | 'chooseFolder' | 'sharedFolder';

export function coderHandlers({ store, services, now, saveAs }: HandlerContext): Pick<Handlers, CoderOperations> {
  const sharedFolders = services.sharedFolders ?? SharedFolders.inMemory();
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
    chooseFolder: async ({ place }) => {
      let folder: string | null;
      if (place !== undefined) {
        if (!services.folderBelow) throw new WorkbenchFailure('invalid-input', "Choose the shared folder in the system's dialog; a folder is not named here.");
        folder = await services.folderBelow(place);
      } else if (services.chooseFolder) {
        folder = await services.chooseFolder('Choose the shared folder of the coders');
      } else {
        return { folder: null, available: services.folderBelow !== undefined };
      }
      if (folder !== null) await sharedFolders.remember(store.projectId, folder, now());
      return { folder, available: true };
    },
    sharedFolder: () => ({ folder: sharedFolders.folderOf(store.projectId) }),
    syncSharedFolder: async () => {
      const folder = sharedFolders.folderOf(store.projectId);
      if (folder === null) throw new WorkbenchFailure('not-found', 'No shared folder has been chosen for this project yet: choose one first.');
      const result = await syncSharedFolder(store, folder, now());
      return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
    },
  };
}
