/**
 * Where each open document was scrolled to, kept while its tab is behind another, so that coming
 * back to the tab shows the same place. A jump to a passage (from Coded segments, a search hit, a
 * disagreement) wins over the kept place.
 */
import { useEffect, type RefObject } from 'react';
import { getState, subscribe } from '../../store';

const places = new Map<string, number>();
/** Documents a jump is about to scroll: their kept place is not restored. */
const jumpedTo = new Set<string>();
let watchingJumps = false;

function watchJumps(): void {
  if (watchingJumps) return;
  watchingJumps = true;
  subscribe(() => {
    const jump = getState().pendingReveal;
    if (jump) jumpedTo.add(jump.documentId);
  });
}

/** Keeps the scroll place of the document shown in `scroller`, and goes back to it when the document is shown again. */
export function useScrollPlace(scroller: RefObject<HTMLElement | null>, documentId: string | undefined): void {
  watchJumps();
  useEffect(() => {
    const element = scroller.current;
    if (!element || !documentId) return;
    // Scroll events while the text is being drawn (the old text's place clamped) are not the researcher's.
    let restored = false;
    let frame = 0;
    const shown = () => !!element.querySelector(`.text-host[data-ready][data-document-id="${CSS.escape(documentId)}"]`);
    // Only while this document's text is shown: once another tab's content replaces it, the scroll
    // event of the place being clamped can still arrive before this effect is cleaned up.
    // Read at most once a frame, in the frame's callbacks rather than in each scroll event (a
    // frame can bring several, and a read of the place asks for the page's layout).
    let reading = 0;
    const readPlace = () => {
      reading = 0;
      if (restored && shown()) places.set(documentId, element.scrollTop);
    };
    const remember = () => {
      if (!reading) reading = requestAnimationFrame(readPlace);
    };
    const restore = () => {
      if (!shown()) {
        frame = requestAnimationFrame(restore);
        return;
      }
      // A document not seen before starts at its top, wherever the text before it was scrolled.
      if (!jumpedTo.delete(documentId)) element.scrollTop = places.get(documentId) ?? 0;
      restored = true;
    };
    restore();
    element.addEventListener('scroll', remember, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      // A place not yet read is read now, if this document's text is still the one shown.
      if (reading) {
        cancelAnimationFrame(reading);
        readPlace();
      }
      element.removeEventListener('scroll', remember);
    };
  }, [scroller, documentId]);
}
