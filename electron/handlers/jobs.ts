/** Handlers of long jobs: how far one has come, and cancelling it. */
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export function jobHandlers({ jobs }: HandlerContext): Pick<Handlers, 'jobProgress' | 'cancelJob'> {
  return {
    jobProgress: ({ jobId }) => jobs.progress(jobId),
    cancelJob: ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
