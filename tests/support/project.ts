/** Opening real projects in temporary folders, as the app does. */
import { randomUUID } from 'node:crypto';
import { createHandlers, dispatch, type Handlers } from '../../electron/handlers/handlers';
import { saveIntoFolder } from '../../electron/services/export-folder';
import { ProjectStore } from '../../electron/project/project-store';
import { placesBelow } from '../../electron/services/project-places';
import { BUNDLED_DOCUMENTS, tempFolder } from './temp';
import { dirname, join } from 'node:path';

export interface OpenProject {
  folder: string;
  store: ProjectStore;
  handlers: Handlers;
  exportsFolder: string;
  /** What the folder dialog answers next (null: cancelled), as the researcher would choose in the app. */
  dialog: { folder: string | null };
  /** The folder whose folders the page may name (as below the preview's root): the project folder's parent. */
  placesRoot: string;
}

export async function openProject(
  folder?: string,
  bundledDocuments = BUNDLED_DOCUMENTS,
  options: { retryDelayMs?: number; suggestionDelayMs?: number; idleQuietMs?: number } = {},
): Promise<OpenProject> {
  const projectFolder = folder ?? join(await tempFolder(), 'project');
  const { suggestionDelayMs, idleQuietMs, ...storeOptions } = options;
  const store = await ProjectStore.open({ folder: projectFolder, bundledDocuments, coder: 'ana', ...storeOptions });
  const exportsFolder = join(projectFolder, 'exports');
  const dialog = { folder: null as string | null };
  const placesRoot = dirname(projectFolder);
  const places = placesBelow(placesRoot);
  const handlers = createHandlers({
    store,
    chooseSavePath: saveIntoFolder(exportsFolder),
    chooseFolder: async () => dialog.folder,
    folderBelow: (name) => places.folderBelow(name),
    suggestionDelayMs,
    idleQuietMs,
  });
  return { folder: projectFolder, store, handlers, exportsFolder, dialog, placesRoot };
}

/** Chooses the project's shared folder as the researcher would in the app's folder dialog. */
export async function chooseSharedFolder(project: OpenProject, folder: string): Promise<void> {
  project.dialog.folder = folder;
  const chosen = await dispatch(project.handlers, 'chooseFolder', { purpose: 'shared-folder' });
  if (!chosen.ok) throw new Error(chosen.error.message);
}

/** The input of addSegment for a passage found by its words. */
export function segmentInput(documentId: string, text: string, words: string, codeId = 'factual-claim') {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { id: randomUUID(), documentId, codeId, start, end: start + words.length };
}

/**
 * Two coders on one document, for the agreement views: ana and bea code `words[0]` alike, only ana
 * codes `words[1]`, and bea codes `words[2]` as opinion; ana is the coder again afterwards.
 */
export async function codeAsTwoCoders(project: OpenProject, documentId: string, text: string, words: readonly string[]): Promise<void> {
  const { store, handlers } = project;
  await store.addSegment(segmentInput(documentId, text, words[0]));
  await store.addSegment(segmentInput(documentId, text, words[1]));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(documentId, text, words[0]));
  await store.addSegment(segmentInput(documentId, text, words[2], 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
}
