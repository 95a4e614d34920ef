/** Undo and Redo from a button, a key or the menu. */
import { stepHistory } from '../services/history';
import { focusText } from './coding';

/** Undo or redo; the focus, if the action left it nowhere (its control gone), goes back to the text. */
export function undoOrRedo(direction: 'undo' | 'redo'): void {
  void stepHistory(direction).then(() => {
    if (document.activeElement === document.body || !document.activeElement) focusText();
  });
}
