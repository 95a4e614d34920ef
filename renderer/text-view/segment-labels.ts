/**
 * Segments in words: the name of a segment's code, and its coder's where that is not who is
 * coding now. What the caret announces, the margin stripes say and the hover label shows, so that
 * colour is never the only carrier of a code.
 */
import { codePath } from '../../shared/model/codebook';
import type { CodedSegment } from '../../shared/model/segments';
import { t } from '../i18n/i18n';
import { getState } from '../store';

/** A segment's code (with its path of parent codes) and, when another coder coded it, who. */
export function segmentLabel(segment: CodedSegment): string {
  const project = getState().project;
  const code = (project && codePath(project.codes, segment.codeId)) || segment.codeId;
  return segment.coder === project?.coder ? t('textView.code.mine', { code }) : t('textView.code.byCoder', { code, coder: segment.coder });
}

/** The open document's segments with these ids, in text order. */
export function segmentsWithIds(ids: readonly string[]): CodedSegment[] {
  const wanted = new Set(ids);
  return (getState().open?.segments ?? []).filter((segment) => wanted.has(segment.id));
}

/** The labels of the segments with these ids, in text order, joined by "; ". */
export function segmentsInWords(ids: readonly string[]): string {
  return segmentsWithIds(ids).map(segmentLabel).join('; ');
}
