/**
 * `restore FILE.awbproj --into DIR`: restores a project archive (or one of the backups) into a new
 * folder after checking every part against its manifest; a refused archive leaves no folder.
 */
import { WorkbenchFailure } from '../../../shared/model/failure';
import { ProjectStore } from '../../project/project-store';
import { restoreArchive } from '../../services/project-archive';
import { CliError, EXIT } from '../arguments';

export async function restore(archiveFile: string, folder: string): Promise<unknown> {
  await restoreArchive(archiveFile, folder).catch((error: unknown) => {
    throw archiveError(error);
  });
  const store = await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true });
  try {
    return { project: folder, name: store.name, documents: store.documents.length, segments: store.state.segments.length };
  } finally {
    await store.close();
  }
}

/** The command line's failure for an archive that could not be restored: its exit code says why. */
export function archiveError(error: unknown): CliError {
  if (!(error instanceof WorkbenchFailure)) return new CliError(EXIT.file, error instanceof Error ? error.message : String(error));
  if (error.code === 'conflict') return new CliError(EXIT.usage, error.message);
  if (error.code === 'not-found' || error.code === 'save-failed') return new CliError(EXIT.file, error.message);
  return new CliError(EXIT.project, error.message);
}
