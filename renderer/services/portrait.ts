/**
 * The corpus portrait's calls: every document's strip from the main process, and opening a
 * document at the place of the text a point of its strip stands for.
 */
import type { DocumentPortraits } from '../../shared/analysis/portrait';
import { CodePointIndex } from '../../shared/text/offsets';
import { getState, update } from '../store';
import { api } from './api-client';
import { openDocumentTab } from './workspace';

/** Every document's portrait cut into `bins` bins; null when the main process could not answer. */
export async function documentPortraits(bins: number): Promise<DocumentPortraits | null> {
  const result = await api.documentPortraits({ documentIds: null, bins });
  return result.ok ? result.value : null;
}

/**
 * Opens a document in its tab with the caret at `codePoint` (the portraits count code points; the
 * text view counts UTF-16 units), scrolled into view once its text is shown. Answers that place as
 * a UTF-16 offset, or null when another document was chosen meanwhile.
 */
export async function openDocumentAt(documentId: string, codePoint: number): Promise<number | null> {
  await openDocumentTab(documentId);
  const open = getState().open;
  if (open?.document.id !== documentId) return null;
  const index = new CodePointIndex(open.text);
  const offset = index.toUtf16(Math.max(0, Math.min(index.codePointLength, Math.floor(codePoint))));
  update({ pendingReveal: { documentId, start: offset, end: offset } });
  return offset;
}
