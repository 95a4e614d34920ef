/**
 * Coding stripes in the margin, as MAXQDA draws them: beside the text, one vertical stripe per
 * segment in its code's colour (its pattern, where codes share a colour), from the segment's first
 * line to its last, across paragraphs, with a cap where it starts and where it ends. Overlapping
 * segments stand side by side, one per lane (lane 0 nearest the text, as for the underlines). Each
 * stripe names its code and coder on hover and focus, and a click shows the segment's details.
 *
 * The stripes are an absolutely placed layer beside the text, drawn from `coordsAtPos` for the
 * segments whose highlights are drawn (the window: a screenful and a margin), so their cost
 * follows the window, not the document. The layer scrolls with the text; it is drawn again, once
 * per frame at most, when the highlights change or the text's size does, and only after the frame
 * that shows the highlights has been painted: a coded passage shows at once, its stripe a frame
 * later (measuring the stripes' places would otherwise hold up that frame).
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, type TextLayout } from '../../shared/text/text-layout';
import { t } from '../i18n/i18n';
import { drawnLane } from './code-styles';
import { highlightKey, type HighlightSpec } from './highlight-plugin';
import { segmentLabel, segmentsWithIds } from './segment-labels';

/** Horizontal distance between the stripes of neighbouring lanes, in CSS pixels. */
export const STRIPE_STEP = 5;

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

function drawStripes(view: EditorView, layout: TextLayout, layer: HTMLElement, open: OpenSegment): void {
  const extents = drawnExtents(view);
  const origin = layer.getBoundingClientRect();
  const stripes: HTMLElement[] = [];
  for (const segment of segmentsWithIds([...extents.keys()])) {
    const extent = extents.get(segment.id)!;
    const top = view.coordsAtPos(extent.from, 1).top - origin.top;
    const bottom = view.coordsAtPos(extent.to, -1).bottom - origin.top;
    const stripe = document.createElement('button');
    stripe.type = 'button';
    // The caret in the text says the same (caret-codes.ts): the stripes are not a tab stop each.
    stripe.tabIndex = -1;
    const starts = offsetToPos(layout, segment.start) === extent.from;
    const ends = offsetToPos(layout, segment.end) === extent.to;
    stripe.className = `stripe code-${segment.codeId}${starts ? ' stripe-start' : ''}${ends ? ' stripe-end' : ''}`;
    stripe.dataset.segmentId = segment.id;
    stripe.dataset.lane = String(extent.lane);
    const label = t('textView.stripe.label', { code: segmentLabel(segment), coder: segment.coder, quote: segment.quote.length > 60 ? `${segment.quote.slice(0, 60)}…` : segment.quote });
    stripe.setAttribute('aria-label', label);
    stripe.dataset.label = segmentLabel(segment);
    stripe.title = `${label}\n${t('textView.stripe.open')}`;
    stripe.style.top = `${top}px`;
    stripe.style.height = `${Math.max(bottom - top, 4)}px`;
    stripe.style.right = `${drawnLane(extent.lane) * STRIPE_STEP}px`;
    stripe.addEventListener('click', () => open(segment.id, extent.from));
    stripes.push(stripe);
  }
  layer.replaceChildren(...stripes);
}

/** A plugin that keeps the stripes of the drawn segments in `layer`. */
export function marginStripesPlugin(layout: TextLayout, layer: HTMLElement, open: OpenSegment): Plugin {
  return new Plugin({
    view(view) {
      let frame = 0;
      let afterPaint: ReturnType<typeof setTimeout> | undefined;
      const redraw = () => {
        if (frame || afterPaint) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          afterPaint = setTimeout(() => {
            afterPaint = undefined;
            drawStripes(view, layout, layer, open);
          });
        });
      };
      const resizes = new ResizeObserver(redraw);
      resizes.observe(view.dom);
      redraw();
      return {
        update(current, previous) {
          if (highlightKey.getState(current.state)?.set !== highlightKey.getState(previous)?.set) redraw();
        },
        destroy() {
          cancelAnimationFrame(frame);
          clearTimeout(afterPaint);
          resizes.disconnect();
          layer.replaceChildren();
        },
      };
    },
  });
}
