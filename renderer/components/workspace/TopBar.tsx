/**
 * The slim bar over the workspace: the program's name and the open project's (which opens its
 * details), an archive being written, Undo and Redo, and Export…. One row at any width.
 */
import { commandKeys } from '../../commands/registry';
import { useT } from '../../i18n/i18n';
import { showProjectDialog } from '../../services/projects';
import { showDialog } from '../../services/workspace';
import { useStore } from '../../store';
import { HistoryButtons } from '../header/HistoryButtons';

export function TopBar() {
  const t = useT();
  const projectName = useStore((state) => state.session?.project?.name ?? state.project?.name ?? null);
  const busy = useStore((state) => state.projectBusy);
  return (
    <header className="top-bar">
      <span className="app-name">{t('common.app.name')}</span>
      {projectName && (
        <button type="button" className="project-title" data-action="project-details" title={t('projects.header.projectTitle')} aria-haspopup="dialog" onClick={() => showProjectDialog('project-details')}>
          {projectName}
        </button>
      )}
      {busy === 'archive' && (
        <span className="project-busy" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('projects.archive.running')}
        </span>
      )}
      <HistoryButtons />
      <button type="button" onClick={() => showDialog('export')} title={t('workspace.topBar.exportTitle', { keys: commandKeys('export') })} data-action="export" aria-haspopup="dialog">
        {t('workspace.topBar.export')}
      </button>
    </header>
  );
}
