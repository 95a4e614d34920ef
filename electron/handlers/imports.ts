/** The handler of importing a whole project from another program (REFI-QDA), as a long job. */
import { importProjectFile } from '../services/project-exchange';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { outcome } from './outcome';

export function importHandlers({ store, now, jobs }: HandlerContext): Pick<Handlers, 'importProject'> {
  return {
    importProject: ({ name, data, jobId }) =>
      jobs.run(jobId, async (job) => {
        const result = await importProjectFile(store, name, Buffer.from(data, 'base64'), now(), job);
        return { outcome: result.action && outcome(store, result.action, 'forward', []), report: result.report };
      }),
  };
}
