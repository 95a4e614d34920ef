/**
 * The text view readied before its first document: once a project is shown, a view of a short
 * sample text is mounted out of sight, given a highlight, moved and taken away again. The first
 * opening of a document then runs code the page has run before (parsed and compiled), not code
 * it meets for the first time: for a short document that first run was most of its opening.
 */
import type { CodedSegment } from '../../shared/model/segments';
import type { DocumentRecord } from '../../shared/model/documents';
import { countByCode } from '../../shared/model/segments';
import { LINES_PER_SECTION, layoutText } from '../../shared/text/text-layout';
import type { OpenDocumentState } from '../store';
import { mountTextView } from './mount';
import { dispatchHighlights } from './store-sync';

/** A sample of two sections (the second drawn far), its lines of a few words each. */
function sampleDocument(codeId: string): { open: OpenDocumentState; extra: CodedSegment } {
  const lines: string[] = [];
  for (let i = 0; i < LINES_PER_SECTION + 8; i++) lines.push(i % 5 === 4 ? '' : `${i} ${'sample '.repeat(6)}`);
  const text = lines.join('\n');
  const segment = (id: string, start: number, end: number): CodedSegment => ({
    id, documentId: 'warm-up', codeId, start, end, quote: text.slice(start, end), coder: '', createdAt: '', updatedAt: '', memo: '', origin: 'manual',
  });
  const segments = [segment('warm-up-1', 0, 30), segment('warm-up-2', 5, 60), segment('warm-up-3', 90, 140)];
  const document = { id: 'warm-up', title: '', values: {} } as unknown as DocumentRecord;
  return {
    open: { document, text, layout: layoutText(text), segments, counts: countByCode(segments) },
    extra: segment('warm-up-4', 200, 260),
  };
}

/** Mounts a text view of a sample out of sight, changes its highlights and window, and takes it away. */
export function warmTextView(codeId: string): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 700px; height: 300px; overflow: hidden; visibility: hidden; contain: strict;';
  document.body.append(host);
  const { open, extra } = sampleDocument(codeId);
  const { view, unmount } = mountTextView(host, open);
  try {
    dispatchHighlights(view, { add: [extra] });
    dispatchHighlights(view, { window: { first: 0, last: 1 } });
    dispatchHighlights(view, { remove: [extra.id] });
  } finally {
    unmount();
    host.remove();
  }
}
