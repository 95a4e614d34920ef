/**
 * Drag handles on the segment whose details are open: one at its start, one at its end. Dragging
 * a handle moves that edge (the highlight follows at once); letting go saves the new bounds as one
 * undoable action. The handles are widget decorations that ProseMirror leaves their events to.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { CodedSegment } from '../../shared/model/segments';
import { offsetToPos, posToOffset, type TextLayout } from '../../shared/text/text-layout';
import { t } from '../i18n/i18n';

export const handlesKey = new PluginKey<DecorationSet>('segment-handles');

/** Whether a handle of a view is being dragged, kept by that view's plugin. */
interface Drag {
  active: boolean;
}

/** True while a handle is being dragged: the handles stay put (moving them would end the drag). */
export function handleDragInProgress(state: EditorState): boolean {
  return (handlesKey.get(state)?.spec as { drag?: Drag } | undefined)?.drag?.active ?? false;
}

export interface HandleCallbacks {
  /** The segment as it is now. */
  current(segmentId: string): CodedSegment | undefined;
  /** Shows new bounds; with `commit`, saves them (`original` is the segment before the drag). */
  move(segmentId: string, start: number, end: number, commit: boolean, original: CodedSegment): void;
}

function handle(view: EditorView, layout: TextLayout, segment: CodedSegment, edge: 'start' | 'end', callbacks: HandleCallbacks, drag: Drag): HTMLElement {
  const element = document.createElement('span');
  element.className = `seg-handle seg-handle-${edge}`;
  element.contentEditable = 'false';
  element.title = edge === 'start' ? t('textView.handle.start') : t('textView.handle.end');
  element.setAttribute('aria-hidden', 'true');
  element.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    element.setPointerCapture(down.pointerId);
    drag.active = true;
    const original = callbacks.current(segment.id) ?? segment;
    let bounds = { start: original.start, end: original.end };
    const boundsAt = (event: PointerEvent) => {
      const found = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (!found) return bounds;
      const offset = posToOffset(layout, found.pos, edge);
      return edge === 'start' ? { start: Math.min(offset, bounds.end - 1), end: bounds.end } : { start: bounds.start, end: Math.max(offset, bounds.start + 1) };
    };
    const move = (event: PointerEvent) => {
      bounds = boundsAt(event);
      callbacks.move(segment.id, bounds.start, bounds.end, false, original);
    };
    const up = (event: PointerEvent) => {
      bounds = boundsAt(event);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      drag.active = false;
      callbacks.move(segment.id, bounds.start, bounds.end, true, original);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
  });
  return element;
}

export function handlesPlugin(layout: TextLayout, callbacks: HandleCallbacks): Plugin<DecorationSet> {
  const drag: Drag = { active: false };
  return new Plugin<DecorationSet>({
    key: handlesKey,
    drag,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const segment = tr.getMeta(handlesKey) as CodedSegment | null | undefined;
        if (segment === undefined) return set;
        if (segment === null) return DecorationSet.empty;
        const widget = (edge: 'start' | 'end') =>
          Decoration.widget(offsetToPos(layout, edge === 'start' ? segment.start : segment.end), (view) => handle(view, layout, segment, edge, callbacks, drag), {
            side: edge === 'start' ? -1 : 1,
            key: `${segment.id}:${edge}:${edge === 'start' ? segment.start : segment.end}`,
            stopEvent: () => true,
            ignoreSelection: true,
          });
        return DecorationSet.create(tr.doc, [widget('start'), widget('end')]);
      },
    },
    props: { decorations: (state) => handlesKey.getState(state) },
  });
}

/** A transaction that puts the handles on a segment (or, with null, takes them away). */
export function showHandles(state: EditorState, segment: CodedSegment | null): Transaction {
  return state.tr.setMeta(handlesKey, segment).setMeta('addToHistory', false);
}
