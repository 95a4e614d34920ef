/**
 * Long work followed as a job: an id of the page's making, its progress asked for a few times a
 * second once it has run a second (shown with a Cancel button), until it ends.
 */
import type { Result } from '../../shared/ipc/result';
import { getState, update } from '../store';
import { withJobEnded, withJobProgress } from '../store/jobs';
import { api } from './api-client';

/** How long a job runs before its progress is shown. */
const SHOW_PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

/** Runs a long export, import or computation as a job, showing its progress until it ends. */
export async function followJob<T>(what: string, call: (jobId: string) => Promise<Result<T>>): Promise<Result<T>> {
  const id = crypto.randomUUID();
  update({ job: { id, what, progress: null } });
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async () => {
    const result = await api.jobProgress({ jobId: id });
    if (ended) return;
    const progress = result.ok ? result.value : null;
    if (progress) update((current) => withJobProgress(current, id, progress));
    timer = setTimeout(() => void poll(), PROGRESS_EVERY_MS);
  };
  timer = setTimeout(() => void poll(), SHOW_PROGRESS_AFTER_MS);
  try {
    return await call(id);
  } finally {
    ended = true;
    if (timer) clearTimeout(timer);
    update((current) => withJobEnded(current, id));
  }
}

/** Cancels the export or import under way (an export then leaves no file behind). */
export function cancelJob(): void {
  const job = getState().job;
  if (job) void api.cancelJob({ jobId: job.id });
}
