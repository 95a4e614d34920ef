/**
 * The document portrait beside the open document's text, like an editor's minimap: a narrow strip
 * as tall as the text's area, where the text's length runs from top to bottom and each coded
 * segment is a mark in its code's colour (codes sharing a row stand side by side), with the part of
 * the text on screen as a translucent box. A click or a drag scrolls the text there. From the
 * keyboard, the arrows and PageUp/PageDown move between the segments, Enter shows one in the text.
 *
 * It draws the segments the page shows (blind coding leaves out the others' segments already), on
 * a canvas, from the rows kept in strip-rows.ts: the store's record of each change updates them,
 * and the canvas is drawn again at most once a frame.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { CodedSegment } from '../../../shared/model/segments';
import { useT } from '../../i18n/i18n';
import { getState, subscribe, useStore } from '../../store';
import { scrollTextTo } from './scroll-text';
import { drawStripRows, StripRows } from './strip-rows';
import './portrait.css';

/** Segments a PageUp or PageDown moves over. */
const PAGE_STEP = 10;
/** The least height of a mark, in CSS pixels. */
const MIN_MARK = 3;
/** The most rows a strip is cut into (a taller strip shares rows between pixels). */
const MAX_ROWS = 4096;

export function DocumentStrip(props: { scroller: RefObject<HTMLElement | null> }) {
  const t = useT();
  const id = useId();
  const documentId = useStore((state) => state.open?.document.id);
  const segments = useStore((state) => state.open?.segments);
  const counts = useStore((state) => state.open?.counts);
  const codes = useStore((state) => state.project?.codes);
  const strip = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const screenBox = useRef<HTMLDivElement>(null);
  const rows = useRef<StripRows | null>(null);
  const dragging = useRef({ frame: 0, y: 0 });
  // The segment the keys have moved to (its id), marked on the strip.
  const [cursor, setCursor] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);

  // The rows and the canvas: built for the text and the strip's height, changed with the store.
  useEffect(() => {
    const element = strip.current;
    const drawing = canvas.current;
    const context = drawing?.getContext('2d');
    const open = getState().open;
    if (!element || !drawing || !context || !open) return;
    let shown: readonly CodedSegment[] = open.segments;
    let shownCodes = getState().project?.codes;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const kept = rows.current;
      if (!kept) return;
      const ratio = drawing.height / Math.max(1, element.clientHeight);
      const codeList = (getState().project?.codes ?? []).map((code) => ({ id: code.id, colour: code.colour }));
      drawStripRows(context, kept, codeList, drawing.width, Math.ceil(MIN_MARK * ratio));
    };
    const drawSoon = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const build = () => {
      const ratio = window.devicePixelRatio || 1;
      const height = Math.min(MAX_ROWS, Math.max(1, Math.round(element.clientHeight * ratio)));
      const width = Math.max(1, Math.round(element.clientWidth * ratio));
      const text = getState().open;
      if (!text || text.document.id !== open.document.id) return;
      if (drawing.height !== height || drawing.width !== width || !rows.current) {
        drawing.width = width;
        drawing.height = height;
        shown = text.segments;
        rows.current = new StripRows(text.text.length, height, shown);
      }
      drawSoon();
    };
    rows.current = null;
    // The first build comes with the observer's first report, made after the frame's layout: the
    // strip's size read then costs nothing, where read now it would lay out the page (the text
    // being opened with it) a first time before the frame lays it out again.
    const resizes = new ResizeObserver(build);
    resizes.observe(element);
    const stop = subscribe(() => {
      const state = getState();
      const current = state.open;
      if (state.project?.codes !== shownCodes) {
        shownCodes = state.project?.codes;
        drawSoon();
      }
      if (!current || current.document.id !== open.document.id || current.segments === shown || !rows.current) return;
      // The store says what changed (most changes): only that is counted; else the rows are built again.
      const said = current.change;
      if (said && said.from === shown) rows.current.change(said.removed, said.added);
      else rows.current = new StripRows(current.text.length, rows.current.rows, current.segments);
      shown = current.segments;
      drawSoon();
    });
    return () => {
      stop();
      resizes.disconnect();
      cancelAnimationFrame(frame);
      rows.current = null;
    };
  }, [documentId]);

  // The box of the text on screen, following the scroll once a frame.
  useEffect(() => {
    const scroller = props.scroller.current;
    const box = screenBox.current;
    const element = strip.current;
    if (!scroller || !box || !element) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const { open, textView } = getState();
      const range = textView?.visibleRange();
      if (!open || !range || open.text.length === 0) {
        box.hidden = true;
        return;
      }
      const height = element.clientHeight;
      const top = (range.start / open.text.length) * height;
      const bottom = (range.end / open.text.length) * height;
      box.hidden = false;
      box.style.top = `${Math.min(top, height - 4)}px`;
      box.style.height = `${Math.max(4, bottom - top)}px`;
    };
    const placeSoon = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    placeSoon();
    scroller.addEventListener('scroll', placeSoon, { passive: true });
    const resizes = new ResizeObserver(placeSoon);
    resizes.observe(scroller);
    resizes.observe(element);
    // The text view comes up after the strip: the box is placed once its controller is there.
    const stop = subscribe(() => {
      if (getState().textView) placeSoon();
    });
    return () => {
      scroller.removeEventListener('scroll', placeSoon);
      resizes.disconnect();
      stop();
      cancelAnimationFrame(frame);
    };
  }, [documentId, props.scroller]);

  useEffect(() => setCursor(null), [documentId]);

  const list = segments ?? [];
  const codeName = (codeId: string) => codes?.find((code) => code.id === codeId)?.name ?? codeId;
  const cursorIndex = cursor === null ? -1 : list.findIndex((segment) => segment.id === cursor);
  const current = cursorIndex >= 0 ? list[cursorIndex] : null;
  const length = getState().open?.text.length ?? 0;
  const codeCount = counts ? Object.keys(counts).length : 0;

  /** The text offset at a point of the strip. */
  const offsetAt = (clientY: number): number => {
    const element = strip.current!;
    const area = element.getBoundingClientRect();
    const fraction = Math.max(0, Math.min(1, (clientY - area.top) / Math.max(1, area.height)));
    return Math.floor(fraction * length);
  };

  const moveTo = (index: number) => {
    if (list.length === 0) return;
    setCursor(list[Math.max(0, Math.min(list.length - 1, index))].id);
  };

  // A drag scrolls the text once a frame, to where the pointer is then.
  const followPointer = (clientY: number) => {
    const drag = dragging.current;
    drag.y = clientY;
    if (drag.frame) return;
    drag.frame = requestAnimationFrame(() => {
      drag.frame = 0;
      const scroller = props.scroller.current;
      if (scroller) scrollTextTo(scroller, offsetAt(drag.y));
    });
  };

  const valueText = current
    ? t('portrait.strip.segment', { position: cursorIndex + 1, count: list.length, code: codeName(current.codeId), quote: current.quote })
    : t('portrait.strip.noneChosen');
  const markTop = current && length ? `${(current.start / length) * 100}%` : undefined;

  return (
    <div
      ref={strip}
      className="document-strip"
      role="slider"
      tabIndex={0}
      aria-label={t('portrait.strip.label')}
      aria-describedby={`${id}-summary`}
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={list.length}
      aria-valuenow={cursorIndex + 1}
      aria-valuetext={valueText}
      title={hover ?? undefined}
      data-segments={list.length}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        followPointer(event.clientY);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) followPointer(event.clientY);
        const kept = rows.current;
        if (!kept) return;
        const area = event.currentTarget.getBoundingClientRect();
        const row = Math.min(kept.rows - 1, Math.max(0, Math.floor(((event.clientY - area.top) / Math.max(1, area.height)) * kept.rows)));
        const here = kept.codesAt(row, (codes ?? []).map((code) => code.id)).map(codeName);
        setHover(here.length ? t('portrait.strip.codesHere', { codes: here.join(', ') }) : t('portrait.strip.nothingHere'));
      }}
      onKeyDown={(event) => {
        // With a modifier, the key is the page's (Alt+PageDown: the next document).
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const steps: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
        if (event.key in steps) {
          const step = steps[event.key];
          moveTo(cursorIndex < 0 ? (step > 0 ? 0 : list.length - 1) : cursorIndex + step);
        } else if (event.key === 'Home') moveTo(0);
        else if (event.key === 'End') moveTo(list.length - 1);
        else if (event.key === 'Enter' && current && props.scroller.current) scrollTextTo(props.scroller.current, current.start, current.end);
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      <canvas ref={canvas} className="document-strip-canvas" aria-hidden="true" />
      <div ref={screenBox} className="document-strip-screen" aria-hidden="true" hidden />
      {markTop && <div className={`document-strip-cursor code-${current!.codeId}`} aria-hidden="true" style={{ top: markTop }} />}
      <span id={`${id}-summary`} className="visually-hidden">
        {list.length === 0 ? t('portrait.strip.empty') : t('portrait.strip.summary', { count: list.length, codes: codeCount })}
      </span>
    </div>
  );
}
