/**
 * Where a segment's details go: beside the passage they describe, inside the window. Below the
 * line when they fit there, above it when they fit there instead, and otherwise at the top of the
 * window, no taller than it (the details then scroll). Pure geometry, so that it is tested alone.
 */

/** The line of text the details belong to, in viewport coordinates. */
export interface AnchorBox {
  left: number;
  top: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** The most the details may be tall; they scroll beyond it. */
  maxHeight: number;
}

/** Space kept between the details and the window's edges, and between them and the line. */
export const MARGIN = 8;

/** Places details of `width` × `height` for the line at `anchor` in a window of `viewport`. */
export function placePopover(
  anchor: AnchorBox,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const maxHeight = viewport.height - 2 * MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - size.width - MARGIN));
  const below = anchor.bottom + MARGIN;
  if (below + size.height <= viewport.height - MARGIN) return { left, top: below, maxHeight };
  const above = anchor.top - MARGIN - size.height;
  if (above >= MARGIN) return { left, top: above, maxHeight };
  // Too tall for either side: as low as it fits, never above the window's top.
  return { left, top: Math.max(MARGIN, viewport.height - MARGIN - size.height), maxHeight };
}
