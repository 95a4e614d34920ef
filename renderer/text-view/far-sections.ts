/**
 * Far sections: a section away from the reader is drawn as one plain block holding its lines'
 * text, not as a block per line. A drawn line costs ProseMirror a view description per node and
 * the page a script wrapper per element (tens of megabytes of script heap for a 10 MB text of
 * 63,000 lines); a far section costs one element, whatever its length. It keeps its text, so the
 * page still lays it out (for the scroll bar), finds it and reads it out, but not as editable
 * content: the caret and the highlights live in near sections only.
 *
 * Near: the sections of the highlights' window (those on screen and a margin around them, see
 * visible-window.ts) and those holding the selection's ends, so that a selection, a jump to a
 * passage or a caret moved by the keyboard always lands in drawn lines. Nearness is a node
 * decoration on each near section, kept by this plugin from the same transaction that moves the
 * window or the selection; the sections' node view draws a section near or far by it, and is
 * drawn again when that changes. Positions are those of the document either way (the document is
 * the same; only its drawing differs), so offsets, selections and copies are unaffected. The
 * browser's own moves to the text's start and end (Ctrl+Home, Ctrl+End) would stop at the last
 * drawn line, so this plugin makes them on the document instead.
 */
import { Plugin, PluginKey, Selection, TextSelection, type EditorState } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';
import { sectionAtPos, type TextLayout } from '../../shared/text/text-layout';
import { highlightKey, INITIAL_WINDOW } from './highlight-plugin';

/** What a nearness decoration's spec holds: its section. */
interface NearSpec {
  nearSection: number;
}

interface FarSectionsState {
  /** Near sections, ascending. */
  near: readonly number[];
  set: DecorationSet;
}

export const farSectionsKey = new PluginKey<FarSectionsState>('far-sections');

/** The near sections of `state`: the highlights' window and the selection's ends. */
export function nearSections(layout: TextLayout, state: EditorState): number[] {
  const window = highlightKey.getState(state)?.window ?? INITIAL_WINDOW;
  const near = new Set<number>();
  for (let section = window.first; section <= window.last; section++) near.add(section);
  const { from, to } = state.selection;
  near.add(sectionAtPos(layout, from));
  near.add(sectionAtPos(layout, to));
  return [...near].sort((a, b) => a - b);
}

function sameSections(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((section, i) => section === b[i]);
}

/** ProseMirror range of section `index` (the section node's outer bounds). */
function sectionRange(layout: TextLayout, index: number): { from: number; to: number } {
  const section = layout.sections[index];
  const last = layout.lines[section.firstLine + section.lineCount - 1];
  return { from: layout.lines[section.firstLine].contentPos - 2, to: last.contentPos + last.length + 2 };
}

function nearnessOf(layout: TextLayout, doc: ProseMirrorNode, near: readonly number[]): DecorationSet {
  return DecorationSet.create(doc, near.map((section) => {
    const { from, to } = sectionRange(layout, section);
    const spec: NearSpec = { nearSection: section };
    return Decoration.node(from, to, {}, spec);
  }));
}

/** The text's rows as the page sets them: their height, and about how many characters fill one. */
interface RowMeasure {
  height: number;
  characters: number;
}

/** Rows filled on average by word-wrapped text: lines break before a word that does not fit. */
const ROW_FILL = 0.9;

/** Measures the rows of `view`'s text from its width, its font and a sample of `text`; null when not laid out. */
function measureRows(view: EditorView, text: string): RowMeasure | null {
  const style = getComputedStyle(view.dom);
  const height = parseFloat(style.lineHeight);
  const width = view.dom.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const sample = text.slice(0, 4000).replace(/[\r\n]/g, '');
  const context = document.createElement('canvas').getContext('2d');
  if (!(height > 0) || !(width > 0) || !sample || !context) return null;
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const characterWidth = context.measureText(sample).width / sample.length;
  return { height, characters: Math.max(1, Math.floor((width / characterWidth) * ROW_FILL)) };
}

/**
 * The height a section is given until the page lays it out (`content-visibility` leaves sections
 * away from the screen unlaid, and a section's element drawn anew, near or far, has no size kept):
 * its lines' rows by their lengths. A fixed guess was a fraction of the real height for texts of
 * long paragraphs, and the scroll bar jumped as sections were laid out.
 */
export function sectionRows(layout: TextLayout, index: number, charactersPerRow: number): number {
  const section = layout.sections[index];
  let rows = 0;
  for (let i = section.firstLine; i < section.firstLine + section.lineCount; i++) {
    rows += Math.max(1, Math.ceil(layout.lines[i].length / charactersPerRow));
  }
  return rows;
}

function sizeSection(dom: HTMLElement, layout: TextLayout, index: number, rows: RowMeasure | null): void {
  if (rows) dom.style.containIntrinsicSize = `auto ${Math.round(sectionRows(layout, index, rows.characters) * rows.height)}px`;
}

/** Keeps the near sections marked (mount it after `highlightPlugin`, whose window it reads). */
export function farSectionsPlugin(layout: TextLayout): Plugin<FarSectionsState> {
  // Measured once the view is laid out, again when its width changes.
  let rows: RowMeasure | null = null;
  return new Plugin<FarSectionsState>({
    view(view) {
      let width = -1;
      const estimate = () => {
        if (view.dom.clientWidth === width) return;
        width = view.dom.clientWidth;
        rows = measureRows(view, layout.text);
        const sections = view.dom.children;
        if (sections.length !== layout.sections.length) return;
        for (let i = 0; i < sections.length; i++) sizeSection(sections[i] as HTMLElement, layout, i, rows);
      };
      const resizes = new ResizeObserver(estimate);
      resizes.observe(view.dom);
      return { destroy: () => resizes.disconnect() };
    },
    key: farSectionsKey,
    state: {
      init(_config, state) {
        const near = nearSections(layout, state);
        return { near, set: nearnessOf(layout, state.doc, near) };
      },
      apply(tr, current, _before, after) {
        if (!tr.selectionSet && !tr.getMeta(highlightKey)) return current;
        const near = nearSections(layout, after);
        return sameSections(near, current.near) ? current : { near, set: nearnessOf(layout, after.doc, near) };
      },
    },
    props: {
      decorations: (state) => farSectionsKey.getState(state)?.set,
      nodeViews: {
        section: (node, _view, getPos, decorations) => {
          const drawn = sectionView(node, decorations);
          const pos = getPos();
          if (pos !== undefined) sizeSection(drawn.dom as HTMLElement, layout, sectionAtPos(layout, pos + 2), rows);
          return drawn;
        },
      },
      handleKeyDown: toTextEdge,
    },
  });
}

/** Ctrl+Home / Ctrl+End (Cmd+Up / Cmd+Down), with Shift extending the selection: to the text's start or end. */
function toTextEdge(view: EditorView, event: KeyboardEvent): boolean {
  if (event.altKey) return false;
  const mod = event.ctrlKey || event.metaKey;
  const toEnd = (mod && event.key === 'End') || (event.metaKey && event.key === 'ArrowDown');
  const toStart = (mod && event.key === 'Home') || (event.metaKey && event.key === 'ArrowUp');
  if (!toEnd && !toStart) return false;
  const { doc, selection } = view.state;
  const edge = toEnd ? Selection.atEnd(doc) : Selection.atStart(doc);
  const next = event.shiftKey ? TextSelection.create(doc, selection.anchor, edge.head) : edge;
  view.dispatch(view.state.tr.setSelection(next).scrollIntoView());
  return true;
}

function isNear(decorations: readonly Decoration[]): boolean {
  return decorations.some((decoration) => (decoration.spec as Partial<NearSpec>).nearSection !== undefined);
}

/** A section's node view: its lines as ProseMirror draws them when near, one block of text when far. */
function sectionView(node: ProseMirrorNode, decorations: readonly Decoration[]): NodeView {
  const near = isNear(decorations);
  const dom = document.createElement('div');
  if (near) {
    dom.className = 'tv-section';
    return {
      dom,
      contentDOM: dom,
      update: (next, nextDecorations) => next.type === node.type && isNear(nextDecorations),
      // Its own attributes are the page's (the height kept for it until laid out, sizeSection): not
      // a change of the text for ProseMirror to read back (a parse of the section in the first frame).
      ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.target === dom,
    };
  }
  dom.className = 'tv-section tv-far';
  // Lines of one direction keep it; lines that each take their own are set apart by the CSS.
  const dir = node.firstChild?.attrs.dir as string | undefined;
  if (dir && dir !== 'auto') dom.dir = dir;
  // A block's last line break draws no line of its own: an empty last line needs one more.
  dom.textContent = node.textBetween(0, node.content.size, '\n') + (node.lastChild?.content.size ? '' : '\n');
  return {
    dom,
    update: (next, nextDecorations) => next === node && !isNear(nextDecorations),
    ignoreMutation: () => true,
    stopEvent: () => false,
  };
}
