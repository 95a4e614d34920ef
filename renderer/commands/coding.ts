/** Coding from a key or a button: the selected passage of the text, with a code or the last one used. */
import { REPEAT_KEY } from '../../shared/model/codebook';
import { t } from '../i18n/i18n';
import { showMessage } from '../services/page';
import { applyCode } from '../services/segments';
import { getState } from '../store';
import { selectLastUsedCode } from '../store/coding';

/**
 * Codes the selected passage and puts the caret at its end so that the highlight shows. The caret
 * goes first: the highlight's redraw then restores one selection, the caret, and the page lays
 * out the text once for the key instead of once per selection change.
 */
export function codeSelection(codeId: string): void {
  const textView = getState().textView;
  const range = textView?.selection() ?? null;
  if (textView && range) textView.placeCaret(range.end);
  applyCode(codeId, range);
}

/** Codes the selected passage with the code applied last (the repeat key). */
export function repeatLastCode(): void {
  const last = selectLastUsedCode(getState());
  if (last) codeSelection(last);
  else showMessage('info', t('services.coding.noCodeUsedYet', { key: REPEAT_KEY }));
}

/** Gives the text the focus (after a popover closes, say); false when no text is shown. */
export function focusText(): boolean {
  const textView = getState().textView;
  textView?.focus();
  return !!textView;
}
