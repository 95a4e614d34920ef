/** The slim bar over the workspace: the program's name, Undo and Redo, and Export…. One row at any width. */
import { commandKeys } from '../../commands/registry';
import { useT } from '../../i18n/i18n';
import { showDialog } from '../../services/workspace';
import { HistoryButtons } from '../header/HistoryButtons';

export function TopBar() {
  const t = useT();
  return (
    <header className="top-bar">
      <span className="app-name">{t('common.app.name')}</span>
      <HistoryButtons />
      <button type="button" onClick={() => showDialog('export')} title={t('workspace.topBar.exportTitle', { keys: commandKeys('export') })} data-action="export" aria-haspopup="dialog">
        {t('workspace.topBar.export')}
      </button>
    </header>
  );
}
