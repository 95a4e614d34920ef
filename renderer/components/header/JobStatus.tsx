/** The progress of a long export or import, once it has run a second, with a way to stop it. */
import { cancelJob } from '../../services/jobs';
import { useStore } from '../../store';

export function JobStatus() {
  const job = useStore((state) => state.job);
  if (!job?.progress) return null;
  const { phase, done, total } = job.progress;
  return (
    <div className="job-progress" role="status" aria-label={`${job.what} progress`}>
      <progress value={total ? done : undefined} max={total || undefined} aria-label={phase} />
      <span>
        {phase}
        {total ? `: ${done.toLocaleString()} of ${total.toLocaleString()}` : '…'}
      </span>
      <button type="button" onClick={cancelJob} data-action="cancel-job">
        Cancel
      </button>
    </div>
  );
}
