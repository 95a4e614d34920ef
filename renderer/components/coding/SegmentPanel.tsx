/**
 * The coded segments of the open document, in text order, with counts per code. The list draws
 * only the rows in view, so a document with thousands of segments stays quick to code; each row
 * is named by its code, coder and quote (and says its place in the whole list).
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { CodedSegment } from '../../../shared/model/segments';
import { formatNumber, useT } from '../../i18n/i18n';
import { selectCodes, useStore } from '../../store';
import { revealSegment } from '../../commands/text';

const ROW_HEIGHT = 58;
const NO_SEGMENTS: CodedSegment[] = [];
const NO_COUNTS: Readonly<Record<string, number>> = {};
const OVERSCAN = 8;

/** The open document's coded segments, with the number per code. */
export function SegmentPanel() {
  const t = useT();
  // A document just opened is listed at a lower priority, so that its text is drawn first; the
  // open document's changes (a key press) are listed at once, with its counts kept by the store.
  const current = useStore((state) => state.open);
  const deferred = useDeferredValue(current);
  const open = deferred?.document.id === current?.document.id ? current : deferred;
  const codes = useStore(selectCodes);
  const pending = useStore((state) => state.pending);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);
  const segments = open?.segments ?? NO_SEGMENTS; // kept in text order by the actions
  const counts = open?.counts ?? NO_COUNTS;
  const hasRows = segments.length > 0;
  useEffect(() => {
    // The list's height, read by an observer rather than during render (which forces a layout).
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry.contentRect.height || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasRows, open?.document.id]);
  if (!open) return null;
  const names = new Map(codes.map((code) => [code.id, code.name]));
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(segments.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return (
    <aside className="segment-panel" aria-label={t('coding.segments.label')}>
      <h2 className="panel-title">{t('coding.segments.title', { count: segments.length })}</h2>
      <ul className="code-counts" aria-label={t('coding.segments.perCode')}>
        {codes.map((code) => (
          <li key={code.id} className={`code-${code.id}`} data-code-id={code.id}>
            <span className="swatch" aria-hidden="true" />
            {code.name}: <strong>{formatNumber(counts[code.id] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      {segments.length === 0 ? (
        <p className="empty">{t('coding.segments.empty')}</p>
      ) : (
        <div
          className="segment-scroller"
          ref={scroller}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <ol className="segment-list" aria-label={t('coding.segments.listLabel')} style={{ height: segments.length * ROW_HEIGHT }}>
            {segments.slice(first, last).map((segment, i) => (
              <li
                key={segment.id}
                style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                // Only the rows in view are drawn: each says where it stands in the whole list.
                aria-setsize={segments.length}
                aria-posinset={first + i + 1}
              >
                <button
                  type="button"
                  className={`segment-row code-${segment.codeId}`}
                  onClick={() => revealSegment(segment)}
                  title={segment.quote}
                  data-segment-id={segment.id}
                >
                  <span className="segment-code">
                    <span className="swatch" aria-hidden="true" />
                    {names.get(segment.codeId) ?? segment.codeId}
                    {/* Shown on every row: the row's name (its words) says code, coder and quote. */}
                    <span className="segment-coder"> · {segment.coder}</span>
                    {pending.has(segment.id) && <span className="pending"> · {t('coding.segments.saving')}</span>}
                  </span>
                  <span className="segment-quote">{segment.quote}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </aside>
  );
}
