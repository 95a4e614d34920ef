/**
 * The handler table: one function per operation of the API contract, gathered from one file per
 * feature over the services. The Electron IPC layer, the preview server and the test bridge all
 * call `dispatch` (dispatch.ts), which validates the input against the contract first.
 *
 * The operations on projects as a whole (projects.ts) work with or without an open project; every
 * other operation goes to the handlers of the project open at the moment of the call, made once
 * per opened project, and is refused ('no-project') while none is open.
 */
import { operationNames, type OperationName } from '../../shared/ipc';
import { projectsOperations } from '../../shared/ipc/projects';
import type { ProjectStore } from '../project/project-store';
import { Jobs } from '../services/jobs';
import { ProjectSession } from '../services/project-session';
import { SharedFolders } from '../services/shared-folders';
import { analysisHandlers } from './analysis';
import { codebookHandlers } from './codebook';
import { coderHandlers } from './coders';
import { handlerContext, type CommonServices, type Services } from './context';
import type { IdleWork } from './idle-work';
import type { Handlers } from './dispatch';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { jobHandlers } from './jobs';
import { projectHandlers } from './project';
import { portraitHandlers } from './portrait';
import { projectsHandlers, type ProjectsOperationName } from './projects';
import { reliabilityHandlers } from './reliability';
import { searchHandlers } from './search';
import { segmentHandlers } from './segments';
import { suggestionHandlers } from './suggestions';
import { variableHandlers } from './variables';

export type { ChooseSavePath, FileKind, Services } from './context';
export { dispatch, type Handlers } from './dispatch';

type ProjectHandlers = Omit<Handlers, ProjectsOperationName>;

/** The handlers of one open project, and its idle work (held back by each call). */
function openProjectHandlers(services: CommonServices, store: ProjectStore, jobs: Jobs): { table: ProjectHandlers; idle: IdleWork } {
  const context = handlerContext(services, store, jobs);
  const table = {
    ...projectHandlers(context),
    ...documentHandlers(context),
    ...segmentHandlers(context),
    ...searchHandlers(context),
    ...variableHandlers(context),
    ...codebookHandlers(context),
    ...importHandlers(context),
    ...coderHandlers(context),
    ...exportHandlers(context),
    ...jobHandlers(context),
    ...reliabilityHandlers(context),
    ...analysisHandlers(context),
    ...portraitHandlers(context),
    ...suggestionHandlers(context),
  };
  return { table, idle: context.idle };
}

function isProjectsOperation(name: OperationName): name is ProjectsOperationName {
  return Object.prototype.hasOwnProperty.call(projectsOperations, name);
}

/** The handler of every operation, over these services. */
export function createHandlers(given: Services): Handlers {
  // One memory of shared folders for every project of the session, when none is kept on disk.
  const services: Services = { ...given, sharedFolders: given.sharedFolders ?? SharedFolders.inMemory() };
  const session = services.session ?? ProjectSession.around(services.store);
  const jobs = services.jobs ?? new Jobs();
  const tables = new WeakMap<ProjectStore, { table: ProjectHandlers; idle: IdleWork }>();
  const tableOf = (store: ProjectStore): ProjectHandlers => {
    let handlers = tables.get(store);
    if (!handlers) tables.set(store, (handlers = openProjectHandlers(services, store, jobs)));
    // Work done ahead waits while the page asks for something.
    handlers.idle.touch();
    return handlers.table;
  };
  const handlers = { ...projectsHandlers(session, services) } as Record<string, unknown>;
  for (const name of operationNames) {
    if (isProjectsOperation(name)) continue;
    handlers[name] = (input: unknown) => (tableOf(session.requireStore())[name] as (input: unknown) => unknown)(input);
  }
  return handlers as Handlers;
}
