/** Undo and Redo, each naming what it would take back or do again. */
import { commandKeys } from '../../commands/registry';
import { undoOrRedo } from '../../commands/history';
import { useT } from '../../i18n/i18n';
import { useStore } from '../../store';

export function HistoryButtons() {
  const t = useT();
  const history = useStore((state) => state.project?.history);
  return (
    <div className="history-buttons">
      <button
        type="button"
        onClick={() => undoOrRedo('undo')}
        disabled={!history?.undo}
        title={history?.undo ? t('workspace.topBar.undoTitle', { action: history.undo, keys: commandKeys('undo') }) : t('workspace.topBar.nothingToUndo')}
        data-action="undo"
      >
        {t('workspace.topBar.undo')}
      </button>
      <button
        type="button"
        onClick={() => undoOrRedo('redo')}
        disabled={!history?.redo}
        title={history?.redo ? t('workspace.topBar.redoTitle', { action: history.redo, keys: commandKeys('redo') }) : t('workspace.topBar.nothingToRedo')}
        data-action="redo"
      >
        {t('workspace.topBar.redo')}
      </button>
    </div>
  );
}
