/**
 * Long work under way: an export, a job the main process reports progress on (an export, an
 * import, the agreement), and a batch of files being imported with its report.
 */
import type { JobProgress } from '../../shared/ipc/outcomes';

export interface Job {
  id: string;
  what: string;
  progress: JobProgress | null;
}

export interface JobsState {
  exporting: boolean;
  /** A long export or import under way: its id, and how far it is once it has run a second. */
  job: Job | null;
  /** Files being imported: how many are done, of how many, and the one under way. */
  importing: { done: number; total: number; current: string } | null;
  /** Set to stop a batch of imports before its next file. */
  importCancelled: boolean;
  /** What the last import did, a line per file that needs saying. */
  importReport: string[] | null;
}

export const jobsInitial: JobsState = { exporting: false, job: null, importing: null, importCancelled: false, importReport: null };

/** How far job `id` is (nothing when another job has taken its place). */
export function withJobProgress(state: JobsState, id: string, progress: JobProgress): Partial<JobsState> {
  return state.job?.id === id ? { job: { ...state.job, progress } } : {};
}

/** Job `id` ended (nothing when another job has taken its place). */
export function withJobEnded(state: JobsState, id: string): Partial<JobsState> {
  return state.job?.id === id ? { job: null } : {};
}
