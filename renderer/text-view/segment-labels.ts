/**
 * Segments in words: the name of a segment's code, and its coder's where that is not who is
 * coding now. What the caret announces, the margin stripes say and the hover label shows, so that
 * colour is never the only carrier of a code.
 */
import { codePath } from '../../shared/model/codebook';
import type { EditorState } from 'prosemirror-state';
import { compareInTextOrder, type CodedSegment } from '../../shared/model/segments';
import { compareSpans } from '../../shared/text/segment-lanes';
import { t } from '../i18n/i18n';
import { getState } from '../store';
import { highlightKey } from './highlight-plugin';

/** A segment's code (with its path of parent codes) and, when another coder coded it, who. */
export function segmentLabel(segment: CodedSegment): string {
  const project = getState().project;
  const code = (project && codePath(project.codes, segment.codeId)) || segment.codeId;
  return segment.coder === project?.coder ? t('textView.code.mine', { code }) : t('textView.code.byCoder', { code, coder: segment.coder });
}

/**
 * The open document's segments with these ids, in text order. Each is found by its place (the
 * highlights' index of `state` knows its bounds) with a binary search in the store's list, which
 * is in text order: a document may hold 100,000 segments, and the stripes ask on every redraw.
 */
export function segmentsWithIds(state: EditorState, ids: readonly string[]): CodedSegment[] {
  const segments = getState().open?.segments ?? [];
  const index = highlightKey.getState(state)?.index;
  const found: CodedSegment[] = [];
  const missing = new Set<string>();
  for (const id of ids) {
    const placed = index?.get(id);
    const segment = placed && segments[firstAtOrAfter(segments, placed)];
    if (segment?.id === id) found.push(segment);
    else missing.add(id);
  }
  // A segment whose highlight has not yet followed the store (a change under way): a pass.
  if (missing.size) found.push(...segments.filter((segment) => missing.has(segment.id)));
  return found.sort(compareInTextOrder);
}

/** Index of the first segment at or after `key` in text order. */
function firstAtOrAfter(segments: readonly CodedSegment[], key: { id: string; start: number; end: number }): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSpans(segments[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The labels of the segments with these ids, in text order, joined by "; ". */
export function segmentsInWords(state: EditorState, ids: readonly string[]): string {
  return segmentsWithIds(state, ids).map(segmentLabel).join('; ');
}
