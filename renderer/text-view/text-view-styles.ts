/**
 * Styles of the text view. The view lives in a shadow root (see TextView.tsx), so its rules are a
 * constructed stylesheet adopted there; colours and sizes come from the page's CSS variables,
 * which cross the shadow boundary: the settings' text size, line width and font (with fallbacks),
 * and the theme's colours.
 */
import { TEXT_FONT_CSS } from '../store/settings';

/** The text's fonts before the settings have set any (the settings' serif, which covers the corpus's scripts). */
const TEXT_FONTS = TEXT_FONT_CSS.serif;

/** Room beside the text for the coding stripes (see margin-stripes.ts). */
const STRIPE_GUTTER = '58px';

const TEXT_VIEW_CSS = `
.text-frame { position: relative; padding-inline-start: ${STRIPE_GUTTER}; direction: ltr; }
.stripes { position: absolute; top: 0; bottom: 0; left: 0; width: calc(${STRIPE_GUTTER} - 8px); }
.stripe {
  position: absolute; width: 7px; min-height: 4px; padding: 0; margin: 0; border: 0; border-radius: 0; cursor: pointer;
  background: var(--code-stripe) no-repeat left top / 3px 100%;
}
/* The caps: a tick towards the text where the segment starts and where it ends (a bracket). */
.stripe-start { border-top: 2px solid var(--code-colour); }
.stripe-end { border-bottom: 2px solid var(--code-colour); }
.stripe:hover, .stripe:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.stripe:hover::after, .stripe:focus-visible::after {
  content: attr(data-label); position: absolute; left: 10px; top: -2px; z-index: 2; white-space: nowrap;
  font: 0.8rem system-ui, sans-serif; color: var(--text); background: var(--panel);
  border: 1px solid var(--border); border-left: 4px solid var(--code-colour); border-radius: 3px; padding: 1px 6px;
  pointer-events: none;
}
.hover-label {
  position: absolute; z-index: 3; pointer-events: none; max-width: 40ch;
  font: 0.8rem system-ui, sans-serif; color: var(--text); background: var(--panel);
  border: 1px solid var(--border); border-radius: 3px; padding: 2px 6px;
}
.hover-label[hidden] { display: none; }
/* Read by screen readers, not shown: the codes at the caret. */
.caret-codes { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.text-view {
  white-space: pre-wrap;
  word-wrap: break-word;
  font-variant-ligatures: none;
  font-family: var(--text-font, ${TEXT_FONTS});
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
/* A far section (far-sections.ts): its lines as one text, each line in its own direction as the lines' dir="auto" would;
   a section whose lines are set in the document language's direction (dir on the block) keeps it for every line. */
.tv-far:not([dir]) { unicode-bidi: plaintext; }
.tv-line { margin: 0; min-height: 1.75em; }
.seg-handle {
  display: inline-block; width: 0; height: 1.3em; vertical-align: text-bottom; position: relative; cursor: ew-resize;
  border-left: 3px solid var(--accent); margin: 0 -1.5px; touch-action: none;
}
.seg-handle::after { content: ''; position: absolute; left: -7px; top: -6px; width: 11px; height: 11px; border-radius: 50%; background: var(--accent); }
.seg-handle-end::after { top: auto; bottom: -6px; }
/* A suggestion (suggestion-plugin.ts): a faint dotted underline, its colour the code's (code-styles.ts). */
.suggested { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 2px; text-underline-offset: 5px; text-decoration-skip-ink: none; }
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
