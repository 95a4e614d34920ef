/** The progress of a long export or import, once it has run a second, with a way to stop it. */
import { formatNumber, useT } from '../../i18n/i18n';
import { cancelJob } from '../../services/jobs';
import { useStore } from '../../store';

export function JobStatus() {
  const t = useT();
  const job = useStore((state) => state.job);
  if (!job?.progress) return null;
  const { phase, done, total } = job.progress;
  return (
    <div className="job-progress" role="status" aria-label={t('common.job.progress', { what: job.what })}>
      <progress value={total ? done : undefined} max={total || undefined} aria-label={phase} />
      <span>
        {phase}
        {total ? `: ${t('common.job.count', { done: formatNumber(done), total: formatNumber(total) })}` : '…'}
      </span>
      <button type="button" onClick={cancelJob} data-action="cancel-job">
        {t('common.job.cancel')}
      </button>
    </div>
  );
}
