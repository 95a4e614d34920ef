/**
 * Coding stripes in the margin, as MAXQDA draws them: beside the text, one vertical stripe per
 * segment in its code's colour (its pattern, where codes share a colour), from the segment's first
 * line to its last, across paragraphs, with a cap where it starts and where it ends. Overlapping
 * segments stand side by side, one per lane (lane 0 nearest the text, as for the underlines). Each
 * stripe names its code and coder on hover and focus, and a click shows the segment's details.
 *
 * The stripes are an absolutely placed layer beside the text, placed from the boxes of the
 * highlights drawn (the window: a screenful and a margin), so their cost follows the window, not
 * the document. The layer scrolls with the text; it is drawn again, once per frame at most, when
 * the highlights change or the text's size does, and only after the frame that shows the
 * highlights has been painted: a coded passage shows at once, its stripe a frame later (measuring
 * the stripes' places would otherwise hold up that frame); while the text scrolls, once it rests. A redraw reads every box first and then
 * writes; the stripes of segments that did not change are kept and only moved.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, type TextLayout } from '../../shared/text/text-layout';
import { codePath } from '../../shared/model/codebook';
import type { CodedSegment } from '../../shared/model/segments';
import { currentLanguage, t } from '../i18n/i18n';
import { getState } from '../store';
import { drawnLane } from './code-styles';
import { highlightKey, type HighlightSpec } from './highlight-plugin';
import { segmentLabel, segmentsWithIds } from './segment-labels';

/** Horizontal distance between the stripes of neighbouring lanes, in CSS pixels. */
export const STRIPE_STEP = 5;

/** How long the text rests after a scroll before the stripes are drawn again, in milliseconds. */
const SCROLL_REST_MS = 100;

/** What a stripe asks of the page when clicked: the details of its segment, at a position. */
export type OpenSegment = (segmentId: string, pos: number) => void;

interface Extent {
  from: number;
  to: number;
  lane: number;
  codeId: string;
}

/** The drawn extent of each segment whose highlights are in the view. */
function drawnExtents(view: EditorView): Map<string, Extent> {
  const extents = new Map<string, Extent>();
  for (const drawn of highlightKey.getState(view.state)?.set.find() ?? []) {
    const spec = drawn.spec as HighlightSpec;
    const extent = extents.get(spec.segmentId);
    if (!extent) extents.set(spec.segmentId, { from: drawn.from, to: drawn.to, lane: spec.lane, codeId: spec.codeId });
    else {
      extent.from = Math.min(extent.from, drawn.from);
      extent.to = Math.max(extent.to, drawn.to);
    }
  }
  return extents;
}

interface Box {
  top: number;
  bottom: number;
}

/**
 * The boxes of each segment's highlights on screen, from the top of its first line to the bottom
 * of its last, read from the highlights' spans (each names its segments in a `seg-<id>` class).
 * One pass of reads with no writes between them: the layout is brought up to date once, and
 * reading a span's boxes costs far less than placing a caret at each segment's ends.
 */
function drawnBoxes(view: EditorView): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const span of view.dom.querySelectorAll<HTMLElement>('.seg')) {
    let top = Infinity;
    let bottom = -Infinity;
    for (const rect of span.getClientRects()) {
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
    }
    if (top > bottom) continue;
    for (const name of span.classList) {
      if (!name.startsWith('seg-')) continue;
      const id = name.slice('seg-'.length);
      const box = boxes.get(id);
      if (!box) boxes.set(id, { top, bottom });
      else {
        box.top = Math.min(box.top, top);
        box.bottom = Math.max(box.bottom, bottom);
      }
    }
  }
  return boxes;
}

/** A stripe as drawn, and what it was drawn from (a stripe drawn from the same is kept as it is). */
interface DrawnStripe {
  element: HTMLButtonElement;
  drawnFrom: string;
}

/** The stripe of one segment, with its words (the segment and the language name them). */
function stripeElement(segment: CodedSegment, extent: Extent, starts: boolean, ends: boolean, open: OpenSegment): HTMLButtonElement {
  const stripe = document.createElement('button');
  stripe.type = 'button';
  // The caret in the text says the same (caret-codes.ts): the stripes are not a tab stop each.
  stripe.tabIndex = -1;
  stripe.className = `stripe code-${segment.codeId}${starts ? ' stripe-start' : ''}${ends ? ' stripe-end' : ''}`;
  stripe.dataset.segmentId = segment.id;
  stripe.dataset.lane = String(extent.lane);
  const code = segmentLabel(segment);
  const label = t('textView.stripe.label', { code, coder: segment.coder, quote: segment.quote.length > 60 ? `${segment.quote.slice(0, 60)}…` : segment.quote });
  stripe.setAttribute('aria-label', label);
  stripe.dataset.label = code;
  stripe.title = `${label}\n${t('textView.stripe.open')}`;
  stripe.style.right = `${drawnLane(extent.lane) * STRIPE_STEP}px`;
  stripe.addEventListener('click', () => open(segment.id, extent.from));
  return stripe;
}

/**
 * Draws the stripes of the segments in the view into `layer`: all layout reads first, then the
 * writes. A stripe whose segment, place in the text and words are as before is kept and only moved.
 */
function drawStripes(view: EditorView, layout: TextLayout, layer: HTMLElement, open: OpenSegment, drawn: Map<string, DrawnStripe>): void {
  const extents = drawnExtents(view);
  const origin = layer.getBoundingClientRect();
  const boxes = drawnBoxes(view);
  const project = getState().project;
  const language = currentLanguage();
  // The words of a stripe follow its code's name (and its parents'), who is coding, and the language.
  const codeNames = new Map<string, string>();
  const codeName = (codeId: string) => {
    if (!codeNames.has(codeId)) codeNames.set(codeId, (project && codePath(project.codes, codeId)) || codeId);
    return codeNames.get(codeId)!;
  };
  const stripes: HTMLElement[] = [];
  const kept = new Map<string, DrawnStripe>();
  for (const segment of segmentsWithIds(view.state, [...extents.keys()])) {
    const extent = extents.get(segment.id)!;
    const box = boxes.get(segment.id);
    if (!box) continue;
    const starts = offsetToPos(layout, segment.start) === extent.from;
    const ends = offsetToPos(layout, segment.end) === extent.to;
    const drawnFrom = [segment.id, segment.codeId, codeName(segment.codeId), segment.coder, project?.coder, segment.quote, extent.lane, extent.from, starts, ends, language].join('\u0000');
    const before = drawn.get(segment.id);
    const stripe = before && before.drawnFrom === drawnFrom ? before : { element: stripeElement(segment, extent, starts, ends, open), drawnFrom };
    stripe.element.style.top = `${box.top - origin.top}px`;
    stripe.element.style.height = `${Math.max(box.bottom - box.top, 4)}px`;
    kept.set(segment.id, stripe);
    stripes.push(stripe.element);
  }
  drawn.clear();
  for (const [id, stripe] of kept) drawn.set(id, stripe);
  placeInOrder(layer, stripes);
}

/** Makes `stripes` the children of `layer`, in text order, moving only what has to move. */
function placeInOrder(layer: HTMLElement, stripes: readonly HTMLElement[]): void {
  let next = layer.firstChild;
  for (const stripe of stripes) {
    if (stripe === next) next = next.nextSibling;
    else layer.insertBefore(stripe, next);
  }
  while (next) {
    const after: ChildNode | null = next.nextSibling;
    next.remove();
    next = after;
  }
}

/** A plugin that keeps the stripes of the drawn segments in `layer`. */
export function marginStripesPlugin(layout: TextLayout, layer: HTMLElement, open: OpenSegment): Plugin {
  return new Plugin({
    view(view) {
      let frame = 0;
      const drawn = new Map<string, DrawnStripe>();
      let afterPaint: ReturnType<typeof setTimeout> | undefined;
      // While the text scrolls, the stripes wait until it rests (a redraw measures every highlight
      // in the window; each frame of a fast scroll through a long text would pay for it). Resting:
      // no scroll for a while, and none in the last frame either (a scroll whose frames are
      // slower than the while is not resting).
      let lastScroll = -Infinity;
      const onScroll = () => {
        lastScroll = performance.now();
      };
      const drawWhenResting = () => {
        const resting = performance.now() - lastScroll;
        if (resting < SCROLL_REST_MS) {
          afterPaint = setTimeout(drawWhenResting, SCROLL_REST_MS - resting);
          return;
        }
        const before = lastScroll;
        afterPaint = undefined;
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (lastScroll !== before) afterPaint = setTimeout(drawWhenResting, SCROLL_REST_MS);
          else afterPaint = setTimeout(() => {
            afterPaint = undefined;
            drawStripes(view, layout, layer, open, drawn);
          });
        });
      };
      const redraw = () => {
        if (frame || afterPaint) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          afterPaint = setTimeout(drawWhenResting);
        });
      };
      const resizes = new ResizeObserver(redraw);
      resizes.observe(view.dom);
      // Scroll events do not bubble, but they pass the window on their way down to the scroller.
      window.addEventListener('scroll', onScroll, { capture: true, passive: true });
      redraw();
      return {
        update(current, previous) {
          if (highlightKey.getState(current.state)?.set !== highlightKey.getState(previous)?.set) redraw();
        },
        destroy() {
          cancelAnimationFrame(frame);
          clearTimeout(afterPaint);
          resizes.disconnect();
          window.removeEventListener('scroll', onScroll, { capture: true });
          layer.replaceChildren();
        },
      };
    },
  });
}
