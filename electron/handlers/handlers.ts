/**
 * The handler table: one function per operation of the API contract, gathered from one file per
 * feature over the services. The Electron IPC layer, the preview server and the test bridge all
 * call `dispatch` (dispatch.ts), which validates the input against the contract first.
 */
import { codebookHandlers } from './codebook';
import { coderHandlers } from './coders';
import { handlerContext, type Services } from './context';
import type { Handlers } from './dispatch';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { jobHandlers } from './jobs';
import { projectHandlers } from './project';
import { reliabilityHandlers } from './reliability';
import { searchHandlers } from './search';
import { segmentHandlers } from './segments';
import { variableHandlers } from './variables';

export type { ChooseSavePath, FileKind, Services } from './context';
export { dispatch, type Handlers } from './dispatch';

/** The handler of every operation, over these services. */
export function createHandlers(services: Services): Handlers {
  const context = handlerContext(services);
  return {
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
  };
}
