/**
 * `init [--sample] [--coder NAME]`: makes a new project in a folder (created if missing), empty
 * or with the bundled texts, so that a scripted pipeline can start from nothing; a folder that
 * holds a project is never touched.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CODER_NAME_MAX_CHARS } from '../../../shared/model/limits';
import { WorkbenchFailure } from '../../../shared/model/failure';
import { describeFileError } from '../../project/atomic-write';
import { PROJECT_FILE, ProjectStore } from '../../project/project-store';
import { CliError, EXIT } from '../arguments';

export async function init(folder: string, bundledDocuments: string | null, coder: string | undefined): Promise<unknown> {
  if (coder !== undefined && !coder.trim()) throw new CliError(EXIT.usage, 'Give --coder a name.');
  if (coder !== undefined && coder.trim().length > CODER_NAME_MAX_CHARS) {
    throw new CliError(EXIT.usage, `A coder's name has at most ${CODER_NAME_MAX_CHARS} characters.`);
  }
  if (existsSync(join(folder, PROJECT_FILE))) {
    throw new CliError(EXIT.usage, `There is already a project in ${folder} (${PROJECT_FILE}); it was left as it is. Choose a folder without one.`);
  }
  let store: ProjectStore;
  try {
    store = await ProjectStore.open({ folder, bundledDocuments, coder: coder?.trim(), newProjectOnly: true });
  } catch (error) {
    // Made meanwhile by another program, or open in one (its lock).
    if (error instanceof WorkbenchFailure) throw new CliError(EXIT.usage, error.message);
    throw new CliError(EXIT.file, `No project could be made in ${folder}: ${describeFileError(error)}.`);
  }
  try {
    const { file, documents, coder: coderName } = store;
    return { project: folder, file, coder: coderName, documents: documents.map(({ id, title, file: name }) => ({ id, title, file: name })) };
  } finally {
    await store.close();
  }
}
