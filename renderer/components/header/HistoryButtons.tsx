/** Undo and Redo, each naming what it would take back or do again. */
import { undoOrRedo } from '../../commands/history';
import { useStore } from '../../store';

export function HistoryButtons() {
  const history = useStore((state) => state.project?.history);
  return (
    <div className="history-buttons">
      <button
        type="button"
        onClick={() => undoOrRedo('undo')}
        disabled={!history?.undo}
        title={history?.undo ? `Undo: ${history.undo} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
        data-action="undo"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => undoOrRedo('redo')}
        disabled={!history?.redo}
        title={history?.redo ? `Redo: ${history.redo} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'}
        data-action="redo"
      >
        Redo
      </button>
    </div>
  );
}
