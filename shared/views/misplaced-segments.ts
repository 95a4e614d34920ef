/**
 * The notice for coded segments whose quote is no longer the text at their offsets: they are
 * reported (and shown where their offsets point), never moved. Pure: the store passes the
 * document's title, its text and its segments.
 */
import { shortTitle } from '../text/short-text';
import { quoteMatches, type CodedSegment } from '../model/segments';

/** What to tell the researcher about a document's misplaced segments; null when every quote matches. */
export function misplacedSegmentsNotice(title: string, text: string, segments: readonly CodedSegment[]): string | null {
  const misplaced = segments.filter((segment) => !quoteMatches(text, segment));
  if (!misplaced.length) return null;
  return (
    `${misplaced.length === 1 ? '1 coded segment' : `${misplaced.length} coded segments`} in “${shortTitle(title)}” ` +
    `no longer ${misplaced.length === 1 ? 'matches' : 'match'} the text ` +
    `they quote (${misplaced.slice(0, 3).map((s) => s.id).join(', ')}${misplaced.length > 3 ? ', …' : ''}); ` +
    'they are shown where their offsets point. Check that the document file is the one that was coded.'
  );
}
