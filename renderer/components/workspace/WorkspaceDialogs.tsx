/**
 * The workspace's dialogs, one at a time as `state.dialog` says: the mount point of the Export…
 * dialog and of the other dialogs of the workspace.
 */
import { useStore } from '../../store';
import { ExportDialog } from '../export/ExportDialog';

export function WorkspaceDialogs() {
  const dialog = useStore((state) => state.dialog);
  return <>{dialog === 'export' && <ExportDialog />}</>;
}
