/**
 * The status bar at the window's foot: the project, who is coding (which opens the coder
 * dialog), blind coding, whether everything is saved, and a running job's progress.
 */
import { useT } from '../../i18n/i18n';
import { showCoderDialog } from '../../services/page';
import { useStore } from '../../store';
import { BlindToggle } from '../header/BlindToggle';
import { JobStatus } from '../header/JobStatus';
import { SaveStatus } from '../header/SaveStatus';

export function StatusBar() {
  const t = useT();
  const project = useStore((state) => state.project);
  if (!project) return null;
  return (
    <footer className="status-bar" aria-label={t('workspace.status.label')}>
      <span className="project-name" title={project.file}>
        {t('workspace.status.project', { name: project.name })}
      </span>
      <button type="button" className="coder" onClick={() => showCoderDialog(true)} data-action="coder" title={t('workspace.status.coderTitle')}>
        {t('workspace.status.coder', { name: project.coder })}
      </button>
      <BlindToggle />
      <JobStatus />
      <SaveStatus />
    </footer>
  );
}
