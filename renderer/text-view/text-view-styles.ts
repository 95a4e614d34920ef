/**
 * Styles of the text view. The view lives in a shadow root (see TextView.tsx), so its rules are a
 * constructed stylesheet adopted there; colours and sizes come from the page's CSS variables,
 * which cross the shadow boundary.
 */

const TEXT_VIEW_CSS = `
.text-view {
  white-space: pre-wrap;
  word-wrap: break-word;
  font-variant-ligatures: none;
  font-family: var(--text-font, Georgia, 'Noto Serif', 'DejaVu Serif', serif);
  font-size: var(--text-size, 1.05rem);
  line-height: 1.75;
  color: var(--text);
  caret-color: var(--accent);
  outline: none;
}
.text-view:focus-visible { outline: 3px solid var(--focus); outline-offset: 6px; }
.text-view ::selection { background: var(--selection); }
/* Sections out of view are neither styled nor laid out until they scroll near. */
.tv-section { content-visibility: auto; contain-intrinsic-size: auto 1800px; }
.tv-line { margin: 0; min-height: 1.75em; }
.seg-handle {
  display: inline-block; width: 0; height: 1.3em; vertical-align: text-bottom; position: relative; cursor: ew-resize;
  border-left: 3px solid var(--accent); margin: 0 -1.5px; touch-action: none;
}
.seg-handle::after { content: ''; position: absolute; left: -7px; top: -6px; width: 11px; height: 11px; border-radius: 50%; background: var(--accent); }
.seg-handle-end::after { top: auto; bottom: -6px; }
.search-hit { outline: 2px solid var(--search-hit, #b8860b); outline-offset: -1px; border-radius: 2px; }
`;

let sheet: CSSStyleSheet | null = null;

/** The text view's stylesheet (made once). */
export function textViewStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(TEXT_VIEW_CSS);
  }
  return sheet;
}
