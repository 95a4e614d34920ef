/**
 * Handlers of projects as a whole (shared/ipc/projects.ts): the session's state, new, open,
 * recent, close, details, archives and backups. They work whether or not a project is open.
 */
import type { ProjectSession } from '../services/project-session';
import { projectArchive } from '../services/project-archive';
import { newProjectFolderIn } from '../services/project-places';
import { folderNameFor } from '../../shared/text/folder-name';
import { WorkbenchFailure } from '../../shared/model/failure';
import type { CommonServices } from './context';
import type { Handlers } from './dispatch';
import type { projectsOperations } from '../../shared/ipc/projects';
import { writeFileDurably, fileFailure } from '../project/atomic-write';

export type ProjectsOperationName = keyof typeof projectsOperations;

export function projectsHandlers(session: ProjectSession, services: CommonServices): Pick<Handlers, ProjectsOperationName> {
  const day = () => (services.now ?? (() => new Date()))().toISOString().slice(0, 10);
  return {
    getSession: () => session.state(),
    newProject: async ({ name, description, withSample, place }) => {
      const chosen = await session.chooser.newProjectFolder(name, place);
      if (chosen !== null) {
        const folder = session.chooser.kind === 'places' ? chosen : await newProjectFolderIn(chosen, name);
        await session.create(folder, { name, description, withSample });
      }
      return session.state();
    },
    openProject: async (input) => {
      let path: string | null;
      if (input.from === 'recent') {
        path = session.recent.folderOf(input.id);
        if (path === null) throw new WorkbenchFailure('not-found', 'That project is no longer in the recent list.');
      } else {
        path = await session.chooser.projectToOpen(input.from === 'place' ? input.name : undefined);
      }
      if (path !== null) await session.open(path);
      return session.state();
    },
    closeProject: async () => {
      await session.close();
      return session.state();
    },
    forgetRecent: async ({ id }) => {
      await session.recent.forget(id);
      return session.state();
    },
    listPlaces: async () => (session.chooser.kind === 'places' ? { available: true, entries: await session.chooser.entries() } : { available: false, entries: [] }),
    setProjectDetails: ({ name, description }) => session.setDetails(name, description),
    archiveProject: async () => {
      const store = session.requireStore();
      // The project's name may hold a slash or a colon: the suggested file name never does.
      const path = await services.chooseSavePath(`${folderNameFor(store.name)} ${day()}.awbproj`, { name: 'Annotation Workbench project archive', extensions: ['awbproj'] });
      if (!path) return { path: null };
      const bytes = await projectArchive(store);
      try {
        await writeFileDurably(path, bytes);
      } catch (error) {
        throw fileFailure(error, 'save-failed', `Could not write ${path}`);
      }
      return { path };
    },
    listBackups: async () => ({ backups: (await session.backups?.list()) ?? [] }),
    backUpNow: async () => {
      session.requireStore();
      if (!session.backups) throw new WorkbenchFailure('not-found', 'This project keeps no backups.');
      return session.backups.take('manual');
    },
    restoreBackup: async ({ id }) => {
      await session.restoreBackup(id);
      return session.state();
    },
  };
}
