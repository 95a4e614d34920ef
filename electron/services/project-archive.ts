/**
 * Project archives (`.awbproj`): one file holding a project folder's project file and texts, with
 * a manifest of SHA-256 sums. (Scaffold: the writer and the reader are filled in next.)
 */
import { WorkbenchFailure } from '../../shared/model/failure';
import type { ProjectStore } from '../project/project-store';

/** The archive of the open project, as bytes. */
export async function projectArchive(store: ProjectStore): Promise<Uint8Array> {
  void store;
  throw new WorkbenchFailure('internal', 'Project archives are not written yet.');
}

/**
 * Restores an archive into `folder`, a new folder (missing or empty), after checking every sum;
 * nothing is left in the folder when a check fails.
 */
export async function restoreArchive(archiveFile: string, folder: string): Promise<void> {
  void archiveFile;
  void folder;
  throw new WorkbenchFailure('internal', 'Project archives are not read yet.');
}

/**
 * Replaces the project in `folder` (closed) by the archive's: its project file and texts; the
 * journal is emptied. Used to restore a backup.
 */
export async function replaceFromArchive(archiveFile: string, folder: string): Promise<void> {
  void archiveFile;
  void folder;
  throw new WorkbenchFailure('internal', 'Backups are not restored yet.');
}
