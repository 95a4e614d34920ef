/**
 * The corpus portrait: one strip per document, side by side, each as the strip beside an open text
 * (its start at the top, its end at the bottom, each coded passage a mark in its code's colour),
 * with a legend of the codes. The main process bins the documents (shared/analysis/portrait.ts, the
 * segments the coder may see); the page draws only the strips in view as the row scrolls sideways,
 * so that thousands of documents stay quick. A click on a strip opens its document at that place.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { binStart, MAX_PORTRAIT_BINS, type DocumentPortrait, type DocumentPortraits } from '../../../shared/analysis/portrait';
import { useT } from '../../i18n/i18n';
import { documentPortraits, openDocumentAt } from '../../services/portrait';
import { selectBlind, selectCodes, useStore } from '../../store';
import { scrollWhenShown } from './scroll-text';
import { drawStripRows, rowsFromRuns } from './strip-rows';
import './portrait.css';

/** Horizontal room of one strip and the gap after it, in CSS pixels. */
const STRIP_STEP = 30;
/** Width of a strip's drawing, in CSS pixels. */
const STRIP_WIDTH = 18;
/** Strips drawn beyond each edge of the view, so that a small scroll shows no gap. */
const OVERSCAN = 4;
/** Room the titles take above the strips, in CSS pixels (about 8.5em of the titles' size, and the gaps). */
const TITLE_ROOM = 130;
/** The least height of a mark, in CSS pixels. */
const MIN_MARK = 3;
/** Bins are asked for in steps of this many, so that a small change of height asks for nothing. */
const BIN_STEP = 100;

/** The bins for strips `height` CSS pixels tall: about one per device pixel. */
function binsFor(height: number): number {
  const pixels = Math.max(1, height - TITLE_ROOM) * (window.devicePixelRatio || 1);
  return Math.max(BIN_STEP, Math.min(MAX_PORTRAIT_BINS, Math.ceil(pixels / BIN_STEP) * BIN_STEP));
}

/** One document's strip: its title, turned, and the drawing of its portrait as a button. */
function Strip(props: { portrait: DocumentPortrait; bins: number; index: number; minRows: number }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const codes = useStore(selectCodes);
  const { portrait, bins } = props;
  useEffect(() => {
    const drawing = canvas.current;
    const context = drawing?.getContext('2d');
    if (!drawing || !context) return;
    const width = Math.round(STRIP_WIDTH * (window.devicePixelRatio || 1));
    drawing.width = width;
    drawing.height = bins;
    const colours = codes.map((code) => ({ id: code.id, colour: code.colour }));
    drawStripRows(context, rowsFromRuns(bins, portrait.codes), colours, width, props.minRows);
  }, [portrait, bins, codes, props.minRows]);
  return (
    <li className="corpus-strip" style={{ left: props.index * STRIP_STEP, width: STRIP_WIDTH }} data-document-id={portrait.documentId}>
      <span className="corpus-strip-title" title={portrait.title} aria-hidden="true">
        {portrait.title}
      </span>
      <button
        type="button"
        className="corpus-strip-button"
        data-document-id={portrait.documentId}
        aria-label={t('portrait.corpus.strip', { title: portrait.title, count: portrait.segments })}
        title={portrait.title}
        onClick={(event) => {
          const area = event.currentTarget.getBoundingClientRect();
          // A click from the keyboard has no place: the document opens at its start.
          const fraction = event.detail === 0 ? 0 : Math.max(0, Math.min(1, (event.clientY - area.top) / Math.max(1, area.height)));
          const bin = Math.min(bins - 1, Math.floor(fraction * bins));
          void openDocumentAt(portrait.documentId, binStart(bin, portrait.length, bins)).then((offset) => {
            if (offset !== null) scrollWhenShown(portrait.documentId, offset);
          });
        }}
      >
        <canvas ref={canvas} aria-hidden="true" />
      </button>
    </li>
  );
}

export function CorpusPortrait() {
  const t = useT();
  const codes = useStore(selectCodes);
  const blind = useStore(selectBlind);
  // Every action that changes segments or documents gives a new documents array: the sign to ask again.
  const documents = useStore((state) => state.project?.documents);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, width: 0, height: 0 });
  const [portraits, setPortraits] = useState<DocumentPortraits | null>(null);
  const [failed, setFailed] = useState(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView({ left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight });
    };
    const measureSoon = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', measureSoon, { passive: true });
    const resizes = new ResizeObserver(measureSoon);
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', measureSoon);
      resizes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [documents?.length === 0]);

  const bins = view.height > 0 ? binsFor(view.height) : 0;
  useEffect(() => {
    if (!bins || !documents?.length) return;
    let current = true;
    void documentPortraits(bins).then((answer) => {
      if (!current) return;
      setFailed(!answer);
      if (answer) setPortraits(answer);
    });
    return () => {
      current = false;
    };
  }, [bins, blind, documents]);

  const heading = (
    <header className="corpus-portrait-heading">
      <h2 id="corpus-portrait-title">{t('portrait.corpus.title')}</h2>
      <p>{t('portrait.corpus.intro')}</p>
    </header>
  );
  if (!documents?.length) {
    return (
      <section className="corpus-portrait" aria-labelledby="corpus-portrait-title">
        {heading}
        <p className="empty">{t('portrait.corpus.noDocuments')}</p>
      </section>
    );
  }

  const shown = portraits?.documents ?? [];
  const first = Math.max(0, Math.floor(view.left / STRIP_STEP) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((view.left + view.width) / STRIP_STEP) + OVERSCAN);
  const inUse = new Set(portraits?.codeIds ?? []);
  const legend = codes.filter((code) => inUse.has(code.id));
  // A mark is at least MIN_MARK pixels tall on screen, however many bins a pixel holds.
  const minRows = portraits ? Math.max(1, Math.ceil((MIN_MARK * portraits.bins) / Math.max(1, view.height - TITLE_ROOM))) : 1;
  const noSegments = portraits !== null && shown.every((portrait) => portrait.segments === 0);
  return (
    <section className="corpus-portrait" aria-labelledby="corpus-portrait-title">
      {heading}
      {codes.length === 0 ? (
        <p className="empty">{t('portrait.corpus.noCodes')}</p>
      ) : noSegments ? (
        <p className="empty">{t('portrait.corpus.noSegments')}</p>
      ) : (
        legend.length > 0 && (
          <ul className="portrait-legend" aria-label={t('portrait.corpus.legend')}>
            {legend.map((code) => (
              <li key={code.id} className={`code-${code.id}`} data-code-id={code.id}>
                <span className="swatch" aria-hidden="true" />
                <span className="portrait-legend-name" title={code.name}>
                  {code.name}
                </span>
              </li>
            ))}
          </ul>
        )
      )}
      {failed && (
        <p className="empty" role="alert">
          {t('portrait.corpus.failed')}
        </p>
      )}
      {portraits === null && !failed && <p className="empty">{t('portrait.corpus.loading')}</p>}
      <div className="corpus-portrait-scroll" ref={scroller}>
        <ul className="corpus-portrait-strips" aria-label={t('portrait.corpus.strips')} style={{ width: shown.length * STRIP_STEP }} data-documents={shown.length}>
          {portraits &&
            shown.slice(first, last).map((portrait, i) => <Strip key={portrait.documentId} portrait={portrait} bins={portraits.bins} index={first + i} minRows={minRows} />)}
        </ul>
      </div>
    </section>
  );
}
